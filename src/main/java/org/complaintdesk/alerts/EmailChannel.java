package org.complaintdesk.alerts;

import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Date;
import java.util.Properties;

/** Sends alerts by SMTP with Jakarta Mail (Eclipse Angus implementation). */
public class EmailChannel implements AlertChannel {
  private final AlertsConfiguration.Email config;
  private final Session session;

  public EmailChannel(AlertsConfiguration.Email config) {
    this.config = config;
    Properties props = new Properties();
    props.put("mail.smtp.host", config.host);
    props.put("mail.smtp.port", Integer.toString(config.port));
    props.put("mail.smtp.starttls.enable", Boolean.toString(config.startTls));
    String timeout = Integer.toString(config.timeoutSeconds * 1000);
    props.put("mail.smtp.connectiontimeout", timeout);
    props.put("mail.smtp.timeout", timeout);
    props.put("mail.smtp.writetimeout", timeout);
    boolean auth = config.username != null && !config.username.isBlank();
    props.put("mail.smtp.auth", Boolean.toString(auth));
    this.session =
        auth
            ? Session.getInstance(
                props,
                new Authenticator() {
                  @Override
                  protected PasswordAuthentication getPasswordAuthentication() {
                    return new PasswordAuthentication(config.username, config.password);
                  }
                })
            : Session.getInstance(props);
  }

  @Override
  public String name() {
    return "email";
  }

  @Override
  public void deliver(Alert alert) throws MessagingException {
    MimeMessage message = new MimeMessage(session);
    message.setFrom(new InternetAddress(config.from));
    for (String to : config.to) {
      message.addRecipient(Message.RecipientType.TO, new InternetAddress(to));
    }
    message.setSubject(AlertText.subject(alert), "UTF-8");
    message.setText(AlertText.plain(alert), "UTF-8");
    message.setSentDate(Date.from(alert.firedAt()));
    Transport.send(message);
  }
}

package org.complaintdesk.alerts;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Posts Slack-compatible JSON ({"text": "..."} plus an "alert" object with the details) to an
 * incoming-webhook URL. The JDK's HttpClient is enough for one POST; no extra library.
 */
public class WebhookChannel implements AlertChannel {
  private final URI url;
  private final Duration timeout;
  private final ObjectMapper json;
  private final HttpClient http;

  public WebhookChannel(String url, Duration timeout, ObjectMapper json) {
    this.url = URI.create(url);
    this.timeout = timeout;
    this.json = json;
    this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
  }

  @Override
  public String name() {
    return "webhook";
  }

  @Override
  public void deliver(Alert alert) throws IOException, InterruptedException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("text", AlertText.slack(alert));
    body.put("alert", alert);
    var request =
        HttpRequest.newBuilder(url)
            .timeout(timeout)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
            .build();
    var response = http.send(request, HttpResponse.BodyHandlers.discarding());
    if (response.statusCode() / 100 != 2) {
      // The URL may carry a secret token: name the status, never the URL.
      throw new IOException("webhook answered HTTP " + response.statusCode());
    }
  }
}

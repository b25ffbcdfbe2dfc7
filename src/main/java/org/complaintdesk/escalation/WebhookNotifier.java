package org.complaintdesk.escalation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * Posts a Slack-compatible message ({@code {"text": ...}}, which Slack, Mattermost, Rocket.Chat and
 * Teams' Slack-compatible connectors accept) to an incoming-webhook URL. The JDK client is enough
 * for one JSON POST; no extra dependency.
 */
public class WebhookNotifier {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient client;
  private final Duration timeout;

  public WebhookNotifier(Duration timeout) {
    this.timeout = timeout;
    this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
  }

  /** Thrown when the receiver is unreachable or answers with a non-2xx status. */
  public static class WebhookFailedException extends Exception {
    public WebhookFailedException(String message) {
      super(message);
    }
  }

  public void post(String url, String text, Map<String, Object> fields)
      throws WebhookFailedException {
    var body = new java.util.LinkedHashMap<String, Object>();
    body.put("text", text);
    body.putAll(fields);
    try {
      var request =
          HttpRequest.newBuilder(URI.create(url))
              .timeout(timeout)
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
              .build();
      var response = client.send(request, HttpResponse.BodyHandlers.discarding());
      if (response.statusCode() / 100 != 2) {
        throw new WebhookFailedException("webhook answered HTTP " + response.statusCode());
      }
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new WebhookFailedException("bad webhook request: " + e.getMessage());
    } catch (IOException e) {
      throw new WebhookFailedException("webhook unreachable: " + e.getClass().getSimpleName());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new WebhookFailedException("interrupted");
    }
  }
}

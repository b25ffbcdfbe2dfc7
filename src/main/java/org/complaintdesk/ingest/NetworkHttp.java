package org.complaintdesk.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The JDK HTTP client with what every network client needs: timeouts from config, the JVM's {@link
 * java.net.ProxySelector} (which honours {@code http.nonProxyHosts}, unlike Twitter4J's explicit
 * proxy; the test guard also hooks in there), and the status codes turned into the {@link
 * SourceException} kinds the poller understands.
 */
public final class NetworkHttp {
  private final HttpClient client;
  private final Duration readTimeout;
  private final RateLimit.Parser rateLimits;
  private final Clock clock;

  public NetworkHttp(
      Duration connectTimeout, Duration readTimeout, RateLimit.Parser rateLimits, Clock clock) {
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(connectTimeout)
            .proxy(java.net.ProxySelector.getDefault())
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
    this.readTimeout = readTimeout;
    this.rateLimits = rateLimits;
    this.clock = clock;
  }

  public static NetworkHttp of(SourceConfiguration sc, RateLimit.Parser parser, Clock clock) {
    return new NetworkHttp(
        sc.connectTimeout.toJavaDuration(), sc.readTimeout.toJavaDuration(), parser, clock);
  }

  /** A successful response: its body and what its rate-limit headers said. */
  public record Response(int status, byte[] body, HttpResponse<byte[]> raw, RateLimit rateLimit) {
    public String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }
  }

  /**
   * A response body as JSON of the expected shape (an object, or an array when {@code array}).
   * Truncated, HTML or otherwise unexpected bodies are transient failures: the cursor stays and the
   * poll is retried with back-off.
   */
  public static JsonNode readJson(ObjectMapper json, byte[] body, boolean array, String what)
      throws SourceException {
    JsonNode node;
    try {
      node = json.readTree(body);
    } catch (IOException e) {
      throw new SourceException.Transient("unreadable " + what + ": " + e.getMessage(), e);
    }
    if (node == null || (array ? !node.isArray() : !node.isObject())) {
      throw new SourceException.Transient(
          what + " is not a JSON " + (array ? "array" : "object"), null);
    }
    return node;
  }

  public HttpRequest.Builder request(URI uri) {
    return HttpRequest.newBuilder(uri).timeout(readTimeout);
  }

  /**
   * Sends the request; returns 2xx/3xx responses and throws the right {@link SourceException} for
   * everything else. I/O errors and timeouts become {@link SourceException.Transient}.
   */
  public Response send(HttpRequest request) throws SourceException, InterruptedException {
    HttpResponse<byte[]> response;
    try {
      response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new SourceException.Transient(describe(request) + ": " + e, e);
    }
    Instant now = clock.instant();
    RateLimit limit =
        rateLimits
            .parse(name -> response.headers().firstValue(name).orElse(null), now)
            .orElse(null);
    int status = response.statusCode();
    if (status == 429) {
      Instant reset = limit == null ? null : limit.resetAt();
      Instant retryAfter =
          RateLimit.retryAfter(response.headers().firstValue("retry-after").orElse(null), now);
      if (retryAfter != null && (reset == null || retryAfter.isAfter(reset))) {
        reset = retryAfter;
      }
      throw new SourceException.RateLimited(describe(request) + ": 429 Too Many Requests", reset);
    }
    if (status == 401 || status == 403) {
      throw new SourceException.AuthRejected(
          describe(request) + ": " + status + " " + snippet(response.body()));
    }
    if (status >= 500) {
      throw new SourceException.Transient(
          describe(request) + ": " + status + " " + snippet(response.body()), null);
    }
    if (status >= 400) {
      throw new SourceException.Rejected(
          describe(request) + ": " + status + " " + snippet(response.body()), null);
    }
    return new Response(status, response.body(), response, limit);
  }

  /** Method and path only: query strings may carry tokens. */
  private static String describe(HttpRequest request) {
    return request.method() + " " + request.uri().getPath();
  }

  /** A short, single-line excerpt of an error body (HTML error pages can be long). */
  static String snippet(byte[] body) {
    if (body == null || body.length == 0) {
      return "";
    }
    String s =
        new String(body, 0, Math.min(body.length, 300), java.nio.charset.StandardCharsets.UTF_8);
    return s.replaceAll("\\s+", " ").strip();
  }

  public Optional<RateLimit> parseRateLimit(HttpResponse<?> response) {
    return rateLimits.parse(
        name -> response.headers().firstValue(name).orElse(null), clock.instant());
  }
}

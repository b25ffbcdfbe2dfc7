package org.complaintdesk.ingest.reddit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.complaintdesk.common.Network;
import org.complaintdesk.ingest.FetchResult;
import org.complaintdesk.ingest.IncomingMention;
import org.complaintdesk.ingest.MentionSource;
import org.complaintdesk.ingest.NetworkHttp;
import org.complaintdesk.ingest.RateLimit;
import org.complaintdesk.ingest.SourceConfiguration;
import org.complaintdesk.ingest.SourceException;
import org.complaintdesk.replies.ReplySender;

/**
 * Reddit (OAuth only, {@code oauth.reddit.com}): new posts matching the query (search, sorted by
 * new) and, in the configured subreddits, the newest comments (checked locally, since the classic
 * API has no comment search). Reddit listings have no dependable forward cursor ({@code before}
 * breaks on deleted anchors), so the cursor is the ring of the last fullnames seen. Crossposts and
 * deleted/removed items are skipped. Replies go to {@code /api/comment}; Reddit reports some
 * failures inside an HTTP 200 ({@code json.errors}), which count as failures.
 */
public class RedditClient implements MentionSource, ReplySender {
  private static final int SEEN = 1000;

  private final SourceConfiguration config;
  private final Supplier<String> query;
  private final ObjectMapper json;
  private final NetworkHttp http;
  private final Clock clock;
  private final String base;
  private String appToken;
  private String appTokenSecret; // the secret appToken was fetched with
  private Instant appTokenExpires = Instant.MIN;

  public RedditClient(
      SourceConfiguration config, Supplier<String> query, ObjectMapper json, Clock clock) {
    this.config = config;
    this.query = query;
    this.json = json;
    this.clock = clock;
    this.http = NetworkHttp.of(config, RateLimit.REDDIT, clock);
    String url = config.baseUrl == null ? "https://oauth.reddit.com" : config.baseUrl;
    this.base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  @Override
  public synchronized FetchResult fetch(String cursor)
      throws SourceException, InterruptedException {
    Set<String> seen = new LinkedHashSet<>();
    if (cursor != null && !cursor.isBlank()) {
      seen.addAll(List.of(cursor.split(",")));
    }
    String subs = String.join("+", config.subreddits);
    String q = query.get();
    List<IncomingMention> out = new ArrayList<>();
    RateLimit limit = null;
    if (!q.isBlank()) {
      String path = subs.isEmpty() ? "/search?" : "/r/" + subs + "/search?restrict_sr=1&";
      var response =
          get(path + "sort=new&t=day&raw_json=1&limit=" + config.pageSize + "&q=" + enc(q));
      limit = response.rateLimit();
      collect(read(response.body()), seen, out);
    }
    if (!subs.isEmpty()) {
      var response = get("/r/" + subs + "/comments?raw_json=1&limit=" + config.pageSize);
      if (response.rateLimit() != null) {
        limit = response.rateLimit();
      }
      collect(read(response.body()), seen, out);
    }
    var ring = new ArrayDeque<>(seen);
    while (ring.size() > SEEN) {
      ring.removeFirst();
    }
    return new FetchResult(out, String.join(",", ring), false, limit);
  }

  private void collect(JsonNode listing, Set<String> seen, List<IncomingMention> out) {
    for (JsonNode child : listing.path("data").path("children")) {
      JsonNode d = child.path("data");
      String name = d.path("name").asText(null);
      if (name == null || !seen.add(name)) {
        continue;
      }
      String author = d.path("author").asText("");
      String body =
          child.path("kind").asText().equals("t3")
              ? (d.path("title").asText("") + "\n\n" + d.path("selftext").asText("")).strip()
              : d.path("body").asText("");
      if (d.hasNonNull("crosspost_parent")
          || author.equals("[deleted]")
          || body.equals("[deleted]")
          || body.equals("[removed]")) {
        continue;
      }
      out.add(
          new IncomingMention(
              Network.REDDIT,
              name,
              author,
              null,
              null,
              body,
              null,
              "https://www.reddit.com" + d.path("permalink").asText(""),
              Instant.ofEpochMilli((long) (d.path("created_utc").asDouble() * 1000)),
              d.toString()));
    }
  }

  private NetworkHttp.Response get(String pathAndQuery)
      throws SourceException, InterruptedException {
    return http.send(authorized(http.request(URI.create(base + pathAndQuery))).GET().build());
  }

  private HttpRequest.Builder authorized(HttpRequest.Builder b)
      throws SourceException, InterruptedException {
    return b.header("Authorization", "Bearer " + token()).header("User-Agent", config.userAgent);
  }

  /** A user token from config when given (needed to post), else an app-only token. */
  private String token() throws SourceException, InterruptedException {
    if (config.token != null && !config.token.isBlank()) {
      return config.token;
    }
    // A new client secret set over the API fetches a new app token at once.
    if (appToken != null
        && java.util.Objects.equals(appTokenSecret, config.password)
        && clock.instant().isBefore(appTokenExpires)) {
      return appToken;
    }
    appTokenSecret = config.password;
    String basic =
        Base64.getEncoder()
            .encodeToString(
                ((config.username == null ? "" : config.username)
                        + ":"
                        + (config.password == null ? "" : config.password))
                    .getBytes(StandardCharsets.UTF_8));
    var response =
        http.send(
            http.request(URI.create(config.authUrl + "/api/v1/access_token"))
                .header("Authorization", "Basic " + basic)
                .header("User-Agent", config.userAgent)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                .build());
    JsonNode body = read(response.body());
    appToken = body.path("access_token").asText(null);
    if (appToken == null) {
      throw new SourceException.AuthRejected("Reddit gave no access token");
    }
    appTokenExpires =
        clock.instant().plusSeconds(Math.max(60, body.path("expires_in").asLong(3600) - 60));
    return appToken;
  }

  private JsonNode read(byte[] body) throws SourceException {
    return NetworkHttp.readJson(json, body, false, "Reddit response");
  }

  @Override
  public Network network() {
    return Network.REDDIT;
  }

  @Override
  public synchronized SentReply send(OutgoingReply reply) throws ReplyFailedException {
    try {
      String form =
          "api_type=json&thing_id="
              + enc(reply.inReplyToExternalId())
              + "&text="
              + enc(reply.text());
      var response =
          http.send(
              authorized(http.request(URI.create(base + "/api/comment")))
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(HttpRequest.BodyPublishers.ofString(form))
                  .build());
      JsonNode body = read(response.body()).path("json");
      JsonNode errors = body.path("errors");
      if (errors.isArray() && !errors.isEmpty()) {
        // A 200 that carries errors is a failure; RATELIMIT clears by itself, others do not.
        JsonNode first = errors.get(0);
        boolean rateLimited = first.path(0).asText().equals("RATELIMIT");
        throw new ReplyFailedException(
            "Reddit refused the comment: " + first.path(0).asText() + " " + first.path(1).asText(),
            rateLimited,
            null);
      }
      String name = body.path("data").path("things").path(0).path("data").path("name").asText(null);
      if (name == null) {
        throw new ReplyFailedException("Reddit answered without the new comment", true, null);
      }
      return new SentReply(name);
    } catch (SourceException.Rejected | SourceException.AuthRejected e) {
      throw new ReplyFailedException(e.getMessage(), false, e);
    } catch (SourceException e) {
      throw new ReplyFailedException(e.getMessage(), true, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ReplyFailedException("interrupted", true, e);
    }
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}

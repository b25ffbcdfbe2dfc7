package org.complaintdesk.ingest.bluesky;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
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
 * Bluesky: {@code app.bsky.feed.searchPosts} (authenticated: unauthenticated search is often
 * blocked) with a cached session, since createSession is limited to 30 per 5 minutes. searchPosts
 * has no OR, so each alternative of the keyword queries is its own search. The cursor is the newest
 * {@code indexedAt} seen minus a 2-minute overlap (indexing is not strictly ordered); the (network,
 * uri) upsert absorbs the overlap. Replies use createRecord with root/parent strong refs (uri +
 * cid), looked up with getPosts at reply time.
 */
public class BlueskyClient implements MentionSource, ReplySender {
  static final Duration OVERLAP = Duration.ofMinutes(2);
  private static final int MAX_PAGES_PER_QUERY = 5;

  private final SourceConfiguration config;
  private final Supplier<List<String>> queries;
  private final ObjectMapper json;
  private final NetworkHttp http;
  private final Clock clock;
  private final String base;
  private Session session;

  /** The password it was opened with, to notice a new one; never printed. */
  record Session(String accessJwt, String did, String password) {
    @Override
    public String toString() {
      return "session of " + did;
    }
  }

  public BlueskyClient(
      SourceConfiguration config, Supplier<List<String>> queries, ObjectMapper json, Clock clock) {
    this.config = config;
    this.queries = queries;
    this.json = json;
    this.clock = clock;
    this.http = NetworkHttp.of(config, RateLimit.BLUESKY, clock);
    String url = config.baseUrl == null ? "https://bsky.social" : config.baseUrl;
    this.base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  @Override
  public synchronized FetchResult fetch(String cursor)
      throws SourceException, InterruptedException {
    Instant since = cursor == null ? null : Instant.parse(cursor);
    Instant newest = since == null ? null : since.plus(OVERLAP);
    List<IncomingMention> out = new ArrayList<>();
    RateLimit lastLimit = null;
    for (String q : queries.get()) {
      String pageCursor = null;
      for (int page = 0; page < MAX_PAGES_PER_QUERY; page++) {
        StringBuilder url =
            new StringBuilder(base)
                .append("/xrpc/app.bsky.feed.searchPosts?sort=latest&limit=")
                .append(config.pageSize)
                .append("&q=")
                .append(enc(q));
        if (since != null) {
          url.append("&since=").append(enc(since.toString()));
        }
        if (pageCursor != null) {
          url.append("&cursor=").append(enc(pageCursor));
        }
        var response = authorizedGet(url.toString());
        lastLimit = response.rateLimit();
        JsonNode body = read(response.body());
        JsonNode posts = body.path("posts");
        for (JsonNode post : posts) {
          IncomingMention m = toMention(post);
          if (m == null) {
            continue;
          }
          out.add(m);
          Instant indexed = indexedAt(post);
          if (indexed != null && (newest == null || indexed.isAfter(newest))) {
            newest = indexed;
          }
        }
        pageCursor = body.path("cursor").asText(null);
        // First run: one page from "now", not the whole history.
        if (since == null || pageCursor == null || posts.size() < config.pageSize) {
          break;
        }
      }
    }
    String next = newest == null ? cursor : newest.minus(OVERLAP).toString();
    return new FetchResult(out, next, false, lastLimit);
  }

  IncomingMention toMention(JsonNode post) {
    String uri = post.path("uri").asText(null);
    JsonNode record = post.path("record");
    if (uri == null || !record.isObject() || post.path("author").path("handle").isMissingNode()) {
      return null; // notFoundPost / blockedPost stubs of deleted or hidden posts
    }
    JsonNode author = post.path("author");
    JsonNode langs = record.path("langs");
    Instant created = parse(record.path("createdAt").asText(null));
    String rkey = uri.substring(uri.lastIndexOf('/') + 1);
    return new IncomingMention(
        Network.BLUESKY,
        uri,
        author.path("handle").asText(),
        author.path("displayName").asText(null),
        author.has("followersCount") ? author.path("followersCount").asLong() : null,
        record.path("text").asText(""),
        langs.isArray() && !langs.isEmpty() ? langs.get(0).asText() : null,
        "https://bsky.app/profile/" + author.path("handle").asText() + "/post/" + rkey,
        created != null ? created : indexedAt(post),
        post.toString());
  }

  private static Instant indexedAt(JsonNode post) {
    return parse(post.path("indexedAt").asText(null));
  }

  private static Instant parse(String s) {
    try {
      return s == null ? null : Instant.parse(s);
    } catch (DateTimeParseException e) {
      try {
        return java.time.OffsetDateTime.parse(s).toInstant();
      } catch (DateTimeParseException e2) {
        return null;
      }
    }
  }

  private NetworkHttp.Response authorizedGet(String url)
      throws SourceException, InterruptedException {
    Session s = session();
    try {
      return http.send(
          http.request(URI.create(url))
              .header("Authorization", "Bearer " + s.accessJwt())
              .GET()
              .build());
    } catch (SourceException.AuthRejected | SourceException.Rejected e) {
      if (e instanceof SourceException.Rejected && !e.getMessage().contains("ExpiredToken")) {
        throw e;
      }
      // An expired access token (400 ExpiredToken / 401): log in again, once.
      session = null;
      s = session();
      return http.send(
          http.request(URI.create(url))
              .header("Authorization", "Bearer " + s.accessJwt())
              .GET()
              .build());
    }
  }

  private Session session() throws SourceException, InterruptedException {
    // A new app password set over the API logs in again at once.
    if (session != null && java.util.Objects.equals(session.password(), config.password)) {
      return session;
    }
    String password = config.password;
    ObjectNode body = json.createObjectNode();
    body.put("identifier", config.username == null ? "" : config.username);
    body.put("password", password == null ? "" : password);
    var response =
        http.send(
            http.request(URI.create(base + "/xrpc/com.atproto.server.createSession"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build());
    JsonNode created = read(response.body());
    String jwt = created.path("accessJwt").asText(null);
    if (jwt == null) {
      throw new SourceException.AuthRejected("Bluesky createSession returned no accessJwt");
    }
    session = new Session(jwt, created.path("did").asText(), password);
    return session;
  }

  private JsonNode read(byte[] body) throws SourceException {
    return NetworkHttp.readJson(json, body, false, "Bluesky response");
  }

  @Override
  public Network network() {
    return Network.BLUESKY;
  }

  @Override
  public synchronized SentReply send(OutgoingReply reply) throws ReplyFailedException {
    try {
      var found =
          read(
              authorizedGet(
                      base
                          + "/xrpc/app.bsky.feed.getPosts?uris="
                          + enc(reply.inReplyToExternalId()))
                  .body());
      JsonNode parent = found.path("posts").path(0);
      if (parent.isMissingNode()) {
        throw new ReplyFailedException("the post is gone (deleted?)", false, null);
      }
      ObjectNode parentRef = json.createObjectNode();
      parentRef.put("uri", parent.path("uri").asText());
      parentRef.put("cid", parent.path("cid").asText());
      JsonNode root = parent.path("record").path("reply").path("root");
      ObjectNode record = json.createObjectNode();
      record.put("$type", "app.bsky.feed.post");
      record.put("text", reply.text());
      record.put("createdAt", clock.instant().toString());
      ObjectNode replyRefs = record.putObject("reply");
      replyRefs.set("root", root.isObject() ? root : parentRef);
      replyRefs.set("parent", parentRef);
      ObjectNode body = json.createObjectNode();
      body.put("repo", session().did());
      body.put("collection", "app.bsky.feed.post");
      body.set("record", record);
      var response =
          http.send(
              http.request(URI.create(base + "/xrpc/com.atproto.repo.createRecord"))
                  .header("Authorization", "Bearer " + session().accessJwt())
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                  .build());
      String uri = read(response.body()).path("uri").asText(null);
      if (uri == null) {
        throw new ReplyFailedException("Bluesky answered without a record uri", true, null);
      }
      return new SentReply(uri);
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

package org.complaintdesk.ingest.x;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
import twitter4j.Query;
import twitter4j.QueryResult;
import twitter4j.RequestMethod;
import twitter4j.Status;
import twitter4j.Twitter;
import twitter4j.TwitterException;
import twitter4j.TwitterFactory;
import twitter4j.auth.AccessToken;
import twitter4j.auth.OAuthAuthorization;
import twitter4j.conf.Configuration;
import twitter4j.conf.ConfigurationBuilder;

/**
 * X. Twitter4J 4.0.7 provides the configuration, OAuth 1.0a request signing and the legacy v1.1
 * {@code search/tweets} ({@code xApi: v1.1}, for accounts that still have it). The v2 calls ({@code
 * /2/tweets/search/recent}, {@code POST /2/tweets}) are made with the JDK client and Jackson,
 * signed by Twitter4J: the v2 add-on for Twitter4J (takke 1.4.3) cannot request {@code note_tweet},
 * so long posts would arrive cut at 280 characters.
 *
 * <p>v2 polling follows X's guidance: keep the {@code newest_id} of the first page, page with
 * {@code next_token} to the end, and only then make it the next {@code since_id} (cursor {@code
 * since_id;pending_newest;next_token}). Retweets are skipped, quotes kept, ids stay strings.
 */
public class XClient implements MentionSource, ReplySender {
  private final SourceConfiguration config;
  private final Supplier<String> query;
  private final ObjectMapper json;
  private final NetworkHttp http;
  private final String base;

  public XClient(
      SourceConfiguration config, Supplier<String> query, ObjectMapper json, Clock clock) {
    this.config = config;
    this.query = query;
    this.json = json;
    this.http = NetworkHttp.of(config, RateLimit.X, clock);
    String url = config.baseUrl == null ? "https://api.x.com" : config.baseUrl;
    this.base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  /**
   * Twitter4J's configuration, built per use from the live source config: OAuth keys replaced over
   * the API apply to the next request, and building it is cheap next to a network call.
   */
  private Configuration twitterConfig() {
    return new ConfigurationBuilder()
        .setOAuthConsumerKey(config.consumerKey)
        .setOAuthConsumerSecret(config.consumerSecret)
        .setOAuthAccessToken(config.accessToken)
        .setOAuthAccessTokenSecret(config.accessTokenSecret)
        .setRestBaseURL(base + "/1.1/")
        // Twitter4J copies -Dhttp.proxyHost and then bypasses http.nonProxyHosts.
        .setHttpProxyHost(null)
        .setHttpProxyPort(-1)
        .setHttpConnectionTimeout((int) config.connectTimeout.toMilliseconds())
        .setHttpReadTimeout((int) config.readTimeout.toMilliseconds())
        .setTweetModeExtended(true)
        .build();
  }

  @Override
  public FetchResult fetch(String cursor) throws SourceException, InterruptedException {
    return "v1.1".equals(config.xApi) ? fetchV11(cursor) : fetchV2(cursor);
  }

  // ---- v2 recent search ----

  record Cursor(String sinceId, String pendingNewest, String nextToken) {
    static Cursor parse(String s) {
      if (s == null || s.isBlank()) {
        return new Cursor(null, null, null);
      }
      String[] p = s.split(";", -1);
      return new Cursor(
          blank(p[0]), p.length > 1 ? blank(p[1]) : null, p.length > 2 ? blank(p[2]) : null);
    }

    String format() {
      return n(sinceId) + ";" + n(pendingNewest) + ";" + n(nextToken);
    }

    private static String n(String s) {
      return s == null ? "" : s;
    }

    private static String blank(String s) {
      return s == null || s.isEmpty() ? null : s;
    }
  }

  private FetchResult fetchV2(String cursorText) throws SourceException, InterruptedException {
    Cursor cursor = Cursor.parse(cursorText);
    StringBuilder url =
        new StringBuilder(base)
            .append("/2/tweets/search/recent?query=")
            .append(enc(query.get()))
            .append("&max_results=")
            .append(Math.max(10, Math.min(100, config.pageSize)))
            .append("&tweet.fields=")
            .append(enc("created_at,lang,author_id,referenced_tweets,conversation_id,note_tweet"))
            .append("&expansions=author_id&user.fields=")
            .append(enc("username,name,public_metrics"));
    if (cursor.sinceId() != null) {
      url.append("&since_id=").append(cursor.sinceId());
    }
    if (cursor.nextToken() != null) {
      url.append("&next_token=").append(enc(cursor.nextToken()));
    }
    var request =
        http.request(URI.create(url.toString()))
            .header("Authorization", "Bearer " + (config.token == null ? "" : config.token))
            .GET()
            .build();
    var response = http.send(request);
    JsonNode body = NetworkHttp.readJson(json, response.body(), false, "X response");
    Map<String, JsonNode> users = new HashMap<>();
    for (JsonNode u : body.path("includes").path("users")) {
      users.put(u.path("id").asText(), u);
    }
    List<IncomingMention> out = new ArrayList<>();
    for (JsonNode t : body.path("data")) {
      if (isRetweet(t)) {
        continue;
      }
      out.add(toMention(t, users.get(t.path("author_id").asText())));
    }
    JsonNode meta = body.path("meta");
    String newest = meta.path("newest_id").asText(null);
    String next = meta.path("next_token").asText(null);
    String pending = cursor.nextToken() == null ? newest : cursor.pendingNewest();
    boolean firstRun = cursor.sinceId() == null && cursor.nextToken() == null;
    Cursor after;
    if (next != null && !firstRun) {
      after = new Cursor(cursor.sinceId(), pending, next);
    } else {
      // Run complete (or the first run, which starts from "now"): promote the newest id.
      after = new Cursor(pending != null ? pending : cursor.sinceId(), null, null);
    }
    return new FetchResult(out, after.format(), after.nextToken() != null, response.rateLimit());
  }

  private static boolean isRetweet(JsonNode t) {
    for (JsonNode ref : t.path("referenced_tweets")) {
      if ("retweeted".equals(ref.path("type").asText())) {
        return true;
      }
    }
    return false;
  }

  private IncomingMention toMention(JsonNode t, JsonNode user) {
    String id = t.path("id").asText();
    String text =
        t.path("note_tweet").path("text").isTextual()
            ? t.path("note_tweet").path("text").asText()
            : t.path("text").asText("");
    // X escapes &, < and > in post text as HTML entities (v1.1 and v2 alike).
    text = org.jsoup.parser.Parser.unescapeEntities(text, false);
    String handle = user == null ? t.path("author_id").asText() : user.path("username").asText();
    String lang = t.path("lang").asText(null);
    return new IncomingMention(
        Network.X,
        id,
        handle,
        user == null ? null : user.path("name").asText(null),
        user == null || !user.path("public_metrics").has("followers_count")
            ? null
            : user.path("public_metrics").path("followers_count").asLong(),
        text,
        "und".equals(lang) ? null : lang,
        "https://x.com/" + handle + "/status/" + id,
        Instant.parse(t.path("created_at").asText()),
        t.toString());
  }

  // ---- v1.1 search through Twitter4J ----

  private FetchResult fetchV11(String cursor) throws SourceException {
    Twitter twitter = new TwitterFactory(twitterConfig()).getInstance();
    Query q = new Query(query.get().replace(" -is:retweet", " -filter:retweets"));
    q.setCount(Math.min(100, config.pageSize));
    q.setResultType(Query.RECENT);
    if (cursor != null && !cursor.isBlank() && !cursor.equals("0")) {
      q.setSinceId(Long.parseLong(cursor));
    }
    QueryResult result;
    try {
      result = twitter.search(q);
    } catch (TwitterException e) {
      throw map(e);
    }
    List<IncomingMention> out = new ArrayList<>();
    for (Status s : result.getTweets()) {
      if (s.isRetweet()) {
        continue;
      }
      out.add(
          new IncomingMention(
              Network.X,
              Long.toString(s.getId()),
              s.getUser().getScreenName(),
              s.getUser().getName(),
              (long) s.getUser().getFollowersCount(),
              org.jsoup.parser.Parser.unescapeEntities(s.getText(), false),
              "und".equals(s.getLang()) ? null : s.getLang(),
              "https://x.com/" + s.getUser().getScreenName() + "/status/" + s.getId(),
              s.getCreatedAt().toInstant(),
              null));
    }
    // Never store a since_id of 0: v1.1 rejects it.
    String next = result.getMaxId() > 0 ? Long.toString(result.getMaxId()) : cursor;
    return new FetchResult(out, next);
  }

  private static SourceException map(TwitterException e) {
    int status = e.getStatusCode();
    if (status == 429 || e.exceededRateLimitation()) {
      var rl = e.getRateLimitStatus();
      return new SourceException.RateLimited(
          "X rate limit: " + e.getErrorMessage(),
          rl == null ? null : Instant.ofEpochSecond(rl.getResetTimeInSeconds()));
    }
    if (status == 401 || status == 403) {
      return new SourceException.AuthRejected("X refused: " + status + " " + e.getErrorMessage());
    }
    if (status == 400) {
      return new SourceException.Rejected("X rejected the search: " + e.getErrorMessage(), e);
    }
    return new SourceException.Transient("X search failed: " + e.getMessage(), e);
  }

  // ---- replies (v2, OAuth 1.0a user context) ----

  @Override
  public Network network() {
    return Network.X;
  }

  @Override
  public SentReply send(OutgoingReply reply) throws ReplyFailedException {
    String url = base + "/2/tweets";
    ObjectNode body = json.createObjectNode();
    body.put("text", reply.text());
    body.putObject("reply").put("in_reply_to_tweet_id", reply.inReplyToExternalId());
    try {
      var response =
          http.send(
              http.request(URI.create(url))
                  .header("Authorization", oauthHeader(url))
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                  .build());
      String id = json.readTree(response.body()).path("data").path("id").asText(null);
      if (id == null) {
        throw new ReplyFailedException("X answered without a post id", true, null);
      }
      return new SentReply(id);
    } catch (SourceException.Rejected | SourceException.AuthRejected e) {
      throw new ReplyFailedException(e.getMessage(), false, e);
    } catch (SourceException | IOException e) {
      throw new ReplyFailedException(e.getMessage(), true, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ReplyFailedException("interrupted", true, e);
    }
  }

  /** OAuth 1.0a header by Twitter4J; a JSON body is not part of the signature base string. */
  String oauthHeader(String url) {
    var oauth = new OAuthAuthorization(twitterConfig());
    oauth.setOAuthAccessToken(new AccessToken(config.accessToken, config.accessTokenSecret));
    return oauth.getAuthorizationHeader(
        new twitter4j.HttpRequest(
            RequestMethod.POST, url, new twitter4j.HttpParameter[0], oauth, null));
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}

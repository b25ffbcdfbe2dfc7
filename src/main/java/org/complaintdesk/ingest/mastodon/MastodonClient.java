package org.complaintdesk.ingest.mastodon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
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
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.jsoup.safety.Safelist;

/**
 * Mastodon: hashtag timelines ({@code /api/v1/timelines/tag/:tag} with {@code any[]} for up to four
 * tags), paged forward with {@code min_id} so a burst bigger than one page leaves no gap. Full-text
 * search only sees opted-in accounts, so timelines are the dependable feed. Content is HTML and is
 * turned into plain text with jsoup. Boosts are skipped (the original is what matters).
 *
 * <p>With an access token and no {@code hashtags} configured, the client uses full-text search
 * instead ({@code /api/v2/search?type=statuses}, one search per alternative of the keyword queries,
 * since Mastodon search has no OR). Search pages with {@code offset} above {@code min_id}; the
 * newest id is promoted to the cursor only when every search of the run is exhausted, so a burst
 * bigger than a page leaves no gap. Status ids are instance-wide, so switching between the two
 * modes keeps the cursor.
 *
 * <p>Mentions are keyed by the status {@code uri} (the federation id, the same on every instance);
 * a reply first resolves it to this instance's local id, then posts with an {@code Idempotency-Key}
 * so a retried send never posts twice.
 */
public class MastodonClient implements MentionSource, ReplySender {
  private static final int MAX_TAGS = 4;

  private final SourceConfiguration config;
  private final Supplier<List<String>> hashtags;
  private final Supplier<List<String>> searches;
  private final NetworkHttp http;
  private final ObjectMapper json;
  private final String base;

  public MastodonClient(
      SourceConfiguration config, Supplier<List<String>> hashtags, ObjectMapper json, Clock clock) {
    this(config, hashtags, List::of, json, clock);
  }

  /**
   * @param searches the full-text searches to run when the source has a token and no configured
   *     hashtags (see {@link org.complaintdesk.keywords.QueryTranslator#mastodonSearches})
   */
  public MastodonClient(
      SourceConfiguration config,
      Supplier<List<String>> hashtags,
      Supplier<List<String>> searches,
      ObjectMapper json,
      Clock clock) {
    this.config = config;
    this.hashtags = hashtags;
    this.searches = searches;
    this.json = json;
    this.http = NetworkHttp.of(config, RateLimit.MASTODON, clock);
    String url = config.baseUrl == null ? "https://mastodon.social" : config.baseUrl;
    this.base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  @Override
  public FetchResult fetch(String cursor) throws SourceException, InterruptedException {
    if (searching()) {
      List<String> queries = searches.get();
      if (!queries.isEmpty()) {
        return search(queries, cursor);
      }
    }
    List<String> tags = hashtags.get();
    if (tags.isEmpty()) {
      return new FetchResult(List.of(), cursor);
    }
    List<String> used = tags.subList(0, Math.min(MAX_TAGS, tags.size()));
    StringBuilder url =
        new StringBuilder(base)
            .append("/api/v1/timelines/tag/")
            .append(enc(used.get(0)))
            .append("?limit=")
            .append(config.pageSize);
    for (String tag : used.subList(1, used.size())) {
      url.append("&any[]=").append(enc(tag));
    }
    cursor = SearchCursor.parse(cursor).resumeId(); // a search run cut short resumes here
    if (cursor != null) {
      url.append("&min_id=").append(enc(cursor));
    }
    var request = authorized(http.request(URI.create(url.toString()))).GET().build();
    var response = http.send(request);
    JsonNode page = NetworkHttp.readJson(json, response.body(), true, "Mastodon timeline");
    List<IncomingMention> mentions = new ArrayList<>();
    String newest = cursor;
    for (JsonNode status : page) {
      String id = status.path("id").asText(null);
      if (id == null) {
        continue;
      }
      if (newest == null || newer(id, newest)) {
        newest = id;
      }
      if (!status.path("reblog").isNull() && !status.path("reblog").isMissingNode()) {
        continue; // a boost: the original post is what we track
      }
      mentions.add(toMention(status));
    }
    // First run: start from "now" (one page), not from the whole history of the tag.
    boolean more = cursor != null && page.size() >= config.pageSize;
    return new FetchResult(mentions, newest, more, response.rateLimit());
  }

  /** Search mode: a token to search with and no hashtags configured to follow instead. */
  private boolean searching() {
    String token = config.token;
    return token != null && !token.isBlank() && config.hashtags.isEmpty();
  }

  /**
   * Where a search run stands: {@code minId} is the cursor of the last finished run, {@code newest}
   * the biggest id seen in this run, then which search and which offset come next. A finished run
   * is stored as the bare id (the same cursor as the tag timeline).
   */
  record SearchCursor(String minId, String newest, int query, int offset) {
    static SearchCursor parse(String s) {
      if (s == null || s.isBlank()) {
        return new SearchCursor(null, null, 0, 0);
      }
      String[] p = s.split(";", -1);
      if (p.length != 4) {
        return new SearchCursor(s, null, 0, 0);
      }
      try {
        return new SearchCursor(
            blankToNull(p[0]), blankToNull(p[1]), Integer.parseInt(p[2]), Integer.parseInt(p[3]));
      } catch (NumberFormatException e) {
        return new SearchCursor(blankToNull(p[0]), null, 0, 0);
      }
    }

    String format() {
      return (minId == null ? "" : minId)
          + ";"
          + (newest == null ? "" : newest)
          + ";"
          + query
          + ";"
          + offset;
    }

    /** The id to resume from when leaving search mode in the middle of a run. */
    String resumeId() {
      return minId;
    }

    private static String blankToNull(String s) {
      return s == null || s.isEmpty() ? null : s;
    }
  }

  private FetchResult search(List<String> queries, String cursorText)
      throws SourceException, InterruptedException {
    SearchCursor cursor = SearchCursor.parse(cursorText);
    int index = cursor.query() < queries.size() ? cursor.query() : 0;
    StringBuilder url =
        new StringBuilder(base)
            .append("/api/v2/search?type=statuses&resolve=false&q=")
            .append(enc(queries.get(index)))
            .append("&limit=")
            .append(config.pageSize)
            .append("&offset=")
            .append(cursor.offset());
    if (cursor.minId() != null) {
      url.append("&min_id=").append(enc(cursor.minId()));
    }
    var response = http.send(authorized(http.request(URI.create(url.toString()))).GET().build());
    JsonNode statuses =
        NetworkHttp.readJson(json, response.body(), false, "Mastodon search").path("statuses");
    if (!statuses.isArray()) {
      throw new SourceException.Transient("Mastodon search has no statuses array", null);
    }
    List<IncomingMention> mentions = new ArrayList<>();
    String newest = cursor.newest();
    for (JsonNode status : statuses) {
      String id = status.path("id").asText(null);
      if (id == null) {
        continue;
      }
      // min_id bounds the search, but a server that ignores it must not move us backwards.
      if (cursor.minId() != null && !newer(id, cursor.minId())) {
        continue;
      }
      if (newest == null || newer(id, newest)) {
        newest = id;
      }
      if (status.path("reblog").isObject()) {
        continue;
      }
      mentions.add(toMention(status));
    }
    // First run: one page per search ("from now"), like the tag timeline.
    boolean fullPage = cursor.minId() != null && statuses.size() >= config.pageSize;
    SearchCursor next;
    if (fullPage) {
      next = new SearchCursor(cursor.minId(), newest, index, cursor.offset() + statuses.size());
    } else if (index + 1 < queries.size()) {
      next = new SearchCursor(cursor.minId(), newest, index + 1, 0);
    } else {
      String done = newest != null ? newest : cursor.minId();
      return new FetchResult(mentions, done, false, response.rateLimit());
    }
    return new FetchResult(mentions, next.format(), true, response.rateLimit());
  }

  IncomingMention toMention(JsonNode s) {
    JsonNode account = s.path("account");
    String uri = s.path("uri").asText(null);
    String url = s.path("url").isTextual() ? s.path("url").asText() : uri;
    String spoiler = s.path("spoiler_text").asText("");
    String text = htmlToText(s.path("content").asText(""));
    if (!spoiler.isBlank()) {
      text = spoiler + "\n\n" + text;
    }
    return new IncomingMention(
        Network.MASTODON,
        uri != null ? uri : base + "/statuses/" + s.path("id").asText(),
        account.path("acct").asText(),
        account.path("display_name").asText(null),
        account.has("followers_count") ? account.path("followers_count").asLong() : null,
        text,
        s.path("language").isTextual() ? s.path("language").asText() : null,
        url,
        Instant.parse(s.path("created_at").asText()),
        s.toString());
  }

  /**
   * Mastodon HTML to plain text: paragraphs and line breaks kept as newlines, every tag dropped,
   * entities decoded.
   */
  public static String htmlToText(String html) {
    if (html == null || html.isBlank()) {
      return "";
    }
    Document doc = Jsoup.parseBodyFragment(html);
    var settings = new Document.OutputSettings().prettyPrint(false);
    doc.outputSettings(settings);
    doc.select("br").after("\\n");
    doc.select("p").before("\\n\\n");
    String cleaned =
        Jsoup.clean(doc.body().html().replace("\\n", "\n"), "", Safelist.none(), settings);
    return Parser.unescapeEntities(cleaned, false).strip();
  }

  /** Mastodon ids are numeric strings of varying length; fall back to text order otherwise. */
  static boolean newer(String a, String b) {
    try {
      return new BigInteger(a).compareTo(new BigInteger(b)) > 0;
    } catch (NumberFormatException e) {
      return a.compareTo(b) > 0;
    }
  }

  @Override
  public boolean idempotent() {
    return true; // Idempotency-Key: complaintdesk-reply-<id>
  }

  @Override
  public Network network() {
    return Network.MASTODON;
  }

  @Override
  public SentReply send(OutgoingReply reply) throws ReplyFailedException {
    try {
      String localId = resolve(reply.inReplyToExternalId());
      String status = "@" + reply.toHandle() + " " + reply.text();
      String form =
          "status=" + enc(status) + "&in_reply_to_id=" + enc(localId) + "&visibility=public";
      var request =
          authorized(http.request(URI.create(base + "/api/v1/statuses")))
              .header("Content-Type", "application/x-www-form-urlencoded")
              // The outbox id: Mastodon drops a repeat with the same key for an hour.
              .header("Idempotency-Key", "complaintdesk-reply-" + reply.replyId())
              .POST(HttpRequest.BodyPublishers.ofString(form))
              .build();
      JsonNode created = json.readTree(http.send(request).body());
      String id = created.path("id").asText(null);
      if (id == null) {
        throw new ReplyFailedException("Mastodon answered without a status id", true, null);
      }
      return new SentReply(created.path("uri").asText(id));
    } catch (SourceException.Rejected | SourceException.AuthRejected e) {
      throw new ReplyFailedException(e.getMessage(), false, e);
    } catch (SourceException | IOException e) {
      throw new ReplyFailedException(e.getMessage(), true, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ReplyFailedException("interrupted", true, e);
    }
  }

  /** The status id on our instance for a federation uri (search with resolve=true). */
  private String resolve(String uri)
      throws SourceException, InterruptedException, IOException, ReplyFailedException {
    var request =
        authorized(
                http.request(
                    URI.create(
                        base + "/api/v2/search?type=statuses&resolve=true&limit=1&q=" + enc(uri))))
            .GET()
            .build();
    JsonNode found = json.readTree(http.send(request).body()).path("statuses");
    if (!found.isArray() || found.isEmpty()) {
      throw new ReplyFailedException(
          "the post is not visible from " + base + " (deleted?)", false, null);
    }
    return found.get(0).path("id").asText();
  }

  private HttpRequest.Builder authorized(HttpRequest.Builder b) {
    b.header("Accept", "application/json");
    if (config.token != null && !config.token.isBlank()) {
      b.header("Authorization", "Bearer " + config.token);
    }
    return b;
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}

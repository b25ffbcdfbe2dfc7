package org.complaintdesk.ingest.rss;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.complaintdesk.common.Network;
import org.complaintdesk.ingest.FetchResult;
import org.complaintdesk.ingest.IncomingMention;
import org.complaintdesk.ingest.MentionSource;
import org.complaintdesk.ingest.NetworkHttp;
import org.complaintdesk.ingest.RateLimit;
import org.complaintdesk.ingest.SourceConfiguration;
import org.complaintdesk.ingest.SourceException;
import org.jsoup.Jsoup;

/**
 * RSS/Atom feeds (review sites, alert feeds) with Rome. There is no reply path. A feed has no
 * search: every entry is checked against the keywords locally. The cursor remembers the feed's
 * ETag/Last-Modified (so an unchanged feed costs a 304) and the last ids seen; the (network,
 * external id) upsert absorbs the rest. Documents with a DOCTYPE are refused (Rome's default; no
 * XXE).
 */
public class FeedSource implements MentionSource {
  private static final int SEEN_IDS = 500;

  private final SourceConfiguration config;
  private final NetworkHttp http;
  private final Clock clock;

  public FeedSource(SourceConfiguration config, Clock clock) {
    if (config.baseUrl == null || config.baseUrl.isBlank()) {
      throw new IllegalArgumentException(config + ": an rss source needs baseUrl (the feed URL)");
    }
    this.config = config;
    this.clock = clock;
    this.http = NetworkHttp.of(config, RateLimit.NONE, clock);
  }

  /** Cursor: ETag, Last-Modified and recently seen ids, one per line. */
  record Cursor(String etag, String lastModified, ArrayDeque<String> seen) {
    static Cursor parse(String s) {
      if (s == null || s.isBlank()) {
        return new Cursor(null, null, new ArrayDeque<>());
      }
      String[] lines = s.split("\n", -1);
      var seen = new ArrayDeque<String>();
      for (int i = 2; i < lines.length; i++) {
        if (!lines[i].isEmpty()) {
          seen.add(lines[i]);
        }
      }
      return new Cursor(
          blankToNull(lines[0]), lines.length > 1 ? blankToNull(lines[1]) : null, seen);
    }

    String format() {
      return (etag == null ? "" : etag)
          + "\n"
          + (lastModified == null ? "" : lastModified)
          + "\n"
          + String.join("\n", seen);
    }
  }

  @Override
  public FetchResult fetch(String cursorText) throws SourceException, InterruptedException {
    Cursor cursor = Cursor.parse(cursorText);
    var request =
        http.request(URI.create(config.baseUrl))
            .header("Accept", "application/atom+xml, application/rss+xml, application/xml;q=0.9");
    if (cursor.etag() != null) {
      request.header("If-None-Match", cursor.etag());
    }
    if (cursor.lastModified() != null) {
      request.header("If-Modified-Since", cursor.lastModified());
    }
    var response = http.send(request.GET().build());
    if (response.status() == 304) {
      return new FetchResult(List.of(), cursorText);
    }
    SyndFeed feed;
    try {
      // Rome refuses DOCTYPE declarations by default (XXE); we never turn that on.
      feed =
          new SyndFeedInput().build(new XmlReader(new ByteArrayInputStream(response.body()), true));
    } catch (FeedException | IOException | IllegalArgumentException e) {
      throw new SourceException.Rejected("unreadable feed: " + e.getMessage(), e);
    }
    Set<String> seen = new LinkedHashSet<>(cursor.seen());
    List<IncomingMention> mentions = new ArrayList<>();
    for (SyndEntry entry : feed.getEntries()) {
      IncomingMention m = toMention(feed, entry);
      if (seen.add(m.externalId())) {
        mentions.add(m);
      }
    }
    var ids = new ArrayDeque<>(seen);
    while (ids.size() > SEEN_IDS) {
      ids.removeFirst();
    }
    var next = new Cursor(response.header("ETag"), response.header("Last-Modified"), ids);
    return new FetchResult(mentions, next.format());
  }

  private IncomingMention toMention(SyndFeed feed, SyndEntry e) {
    String link = unwrapRedirect(e.getLink());
    String title = plain(e.getTitle());
    String body = "";
    if (e.getDescription() != null) {
      body = plain(e.getDescription().getValue());
    } else if (!e.getContents().isEmpty()) {
      body = plain(((SyndContent) e.getContents().get(0)).getValue());
    }
    String text = body.isBlank() ? title : title.isBlank() ? body : title + "\n\n" + body;
    Date date = e.getPublishedDate() != null ? e.getPublishedDate() : e.getUpdatedDate();
    String author = e.getAuthor() == null || e.getAuthor().isBlank() ? hostOf(link) : e.getAuthor();
    return new IncomingMention(
        Network.RSS,
        id(e, link, title),
        author == null ? config.name : author.strip(),
        feed.getTitle(),
        null,
        text,
        e.getSource() == null ? feed.getLanguage() : null,
        link,
        date == null ? clock.instant() : Instant.ofEpochMilli(date.getTime()),
        null);
  }

  /** Atom id / RSS guid; many review feeds lack one, so fall back to a hash of link and title. */
  private static String id(SyndEntry e, String link, String title) {
    if (e.getUri() != null && !e.getUri().isBlank()) {
      return e.getUri().strip();
    }
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest((link + "\n" + title).getBytes(StandardCharsets.UTF_8));
      return "sha256:" + HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException ex) {
      throw new IllegalStateException(ex);
    }
  }

  /** Google Alerts links go through a redirector; keep the real article URL. */
  static String unwrapRedirect(String link) {
    if (link == null) {
      return null;
    }
    try {
      URI uri = URI.create(link);
      if (uri.getHost() != null
          && uri.getHost().endsWith("google.com")
          && "/url".equals(uri.getPath())
          && uri.getRawQuery() != null) {
        for (String part : uri.getRawQuery().split("&")) {
          if (part.startsWith("url=")) {
            return URLDecoder.decode(part.substring(4), StandardCharsets.UTF_8);
          }
        }
      }
    } catch (IllegalArgumentException ignored) {
      // not a URI we can read: keep it as it is
    }
    return link;
  }

  private static String hostOf(String link) {
    try {
      return link == null ? null : URI.create(link).getHost();
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** Titles and descriptions may carry HTML (Google Alerts bolds the match). */
  private static String plain(String html) {
    return html == null ? "" : Jsoup.parse(html).text();
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}

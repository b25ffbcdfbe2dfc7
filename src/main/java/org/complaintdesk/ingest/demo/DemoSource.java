package org.complaintdesk.ingest.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.complaintdesk.common.Network;
import org.complaintdesk.ingest.FetchResult;
import org.complaintdesk.ingest.IncomingMention;
import org.complaintdesk.ingest.MentionSource;
import org.complaintdesk.keywords.KeywordMatcher;
import org.complaintdesk.replies.ReplySender;

/**
 * Replays the shipped sample posts with fresh ids and timestamps, a few per poll, skipping posts
 * that match no active keyword (as a real network search would). Replies are recorded as sent.
 */
public class DemoSource implements MentionSource, ReplySender {
  static final String RESOURCE = "/demo/mentions.jsonl";

  private final List<DemoPost> posts;
  private final DemoConfiguration config;
  private final Supplier<KeywordMatcher> keywords;
  private final Clock clock;
  private final Random random;
  private final AtomicLong sentReplies = new AtomicLong();
  private int next;

  public DemoSource(
      DemoConfiguration config, Supplier<KeywordMatcher> keywords, Clock clock, ObjectMapper json) {
    this.config = config;
    this.keywords = keywords;
    this.clock = clock;
    this.random = new Random(config.seed);
    this.posts = new ArrayList<>(load(json));
    Collections.shuffle(posts, random);
  }

  static List<DemoPost> load(ObjectMapper json) {
    var in = DemoSource.class.getResourceAsStream(RESOURCE);
    if (in == null) {
      throw new IllegalStateException("demo data " + RESOURCE + " is missing from the jar");
    }
    List<DemoPost> result = new ArrayList<>();
    try (var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (!line.isBlank()) {
          result.add(json.readValue(line, DemoPost.class));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return result;
  }

  /** The cursor is the running count of emitted posts, so a restart carries on where it was. */
  @Override
  public synchronized FetchResult fetch(String cursor) {
    long emitted = cursor == null ? 0 : Long.parseLong(cursor);
    KeywordMatcher matcher = keywords.get();
    List<IncomingMention> batch = new ArrayList<>();
    if (!matcher.isEmpty()) {
      // Bounded scan: if no post matches the active keywords, emit nothing rather than spin.
      for (int scanned = 0;
          batch.size() < config.postsPerPoll && scanned < posts.size();
          scanned++) {
        DemoPost post = posts.get(next);
        next = (next + 1) % posts.size();
        if (matcher.firstMatch(post.text()).isPresent()) {
          batch.add(toMention(post, emitted + batch.size()));
        }
      }
    }
    return new FetchResult(batch, Long.toString(emitted + batch.size()));
  }

  private IncomingMention toMention(DemoPost post, long sequence) {
    Instant now = clock.instant();
    Instant posted =
        config.maxAgeSeconds == 0
            ? now
            : now.minusSeconds(random.nextInt(config.maxAgeSeconds + 1));
    String id = "demo-" + now.toEpochMilli() + "-" + sequence;
    return new IncomingMention(
        Network.DEMO,
        id,
        post.author(),
        post.name(),
        post.followers(),
        post.text(),
        null,
        "https://demo.complaintdesk.invalid/" + post.author() + "/" + id,
        posted,
        "{\"demo\":true,\"brand\":\"" + post.brand() + "\",\"kind\":\"" + post.kind() + "\"}");
  }

  @Override
  public boolean idempotent() {
    return true; // nothing leaves the process
  }

  @Override
  public Network network() {
    return Network.DEMO;
  }

  @Override
  public SentReply send(OutgoingReply reply) {
    return new SentReply("demo-reply-" + sentReplies.incrementAndGet());
  }

  public int size() {
    return posts.size();
  }
}

package org.complaintdesk.replies;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import org.complaintdesk.auth.AuthConfiguration;
import org.complaintdesk.auth.AuthService;
import org.complaintdesk.auth.Role;
import org.complaintdesk.auth.User;
import org.complaintdesk.cases.CaseService;
import org.complaintdesk.cases.CasesFeature;
import org.complaintdesk.common.Network;
import org.complaintdesk.events.EventLog;
import org.complaintdesk.ingest.FetchResult;
import org.complaintdesk.ingest.IncomingMention;
import org.complaintdesk.ingest.IngestService;
import org.complaintdesk.ingest.MentionFilter;
import org.complaintdesk.ingest.MentionService;
import org.complaintdesk.keywords.KeywordService;
import org.complaintdesk.testing.MutableClock;
import org.complaintdesk.testing.TestDatabases;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The replies table as an outbox: retries with back-off, and no double post after a crash. */
class ReplyOutboxTest {
  @TempDir Path dir;
  MutableClock clock = new MutableClock(Instant.parse("2026-01-01T12:00:00Z"));
  Jdbi jdbi;
  CaseService cases;
  EventLog events;
  User responder;
  long caseId;

  /** A network that plays a script of outcomes and counts what it posted. */
  static final class ScriptedSender implements ReplySender {
    final Deque<ReplyFailedException> failures = new ArrayDeque<>();
    final List<Long> posted = new ArrayList<>();
    final boolean idempotent;

    ScriptedSender(boolean idempotent) {
      this.idempotent = idempotent;
    }

    @Override
    public Network network() {
      return Network.MASTODON;
    }

    @Override
    public boolean idempotent() {
      return idempotent;
    }

    @Override
    public SentReply send(OutgoingReply reply) throws ReplyFailedException {
      if (!failures.isEmpty()) {
        throw failures.pop();
      }
      posted.add(reply.replyId());
      return new SentReply("remote-" + reply.replyId());
    }
  }

  @BeforeEach
  void setUp() {
    jdbi = TestDatabases.sqlite(dir);
    var auth = new AuthService(jdbi, clock, authConfig());
    responder = auth.createUser("resp", "responder-pass", Set.of(Role.RESPONDER), List.of());
    var keywords = new KeywordService(jdbi, clock);
    keywords.add("NimbusAir", null);
    var ingest = new IngestService(jdbi, keywords, clock);
    var source = ingest.registerSource("masto", Network.MASTODON, null, true);
    ingest.ingest(
        source.id(),
        new FetchResult(
            List.of(
                new IncomingMention(
                    Network.MASTODON,
                    "https://m.example/users/ann/statuses/1",
                    "ann",
                    null,
                    null,
                    "NimbusAir lost my bag",
                    "en",
                    null,
                    clock.instant(),
                    null)),
            "1"));
    var mentions = new MentionService(jdbi);
    events = new EventLog(jdbi);
    cases = CasesFeature.create(jdbi, mentions, auth, events, clock);
    caseId = cases.openOrJoin(mentions.list(MentionFilter.none(), 1, 0).items().get(0), 0.9).id();
  }

  static AuthConfiguration authConfig() {
    var c = new AuthConfiguration();
    c.bcryptCost = 4;
    return c;
  }

  ReplyService service(ReplySender sender) {
    return new ReplyService(
        jdbi, cases, events, List.of(sender), new RepliesConfiguration(), clock);
  }

  @Test
  void aRetryableFailureIsQueuedVisibleAndRetriedWithBackoff() {
    var sender = new ScriptedSender(true);
    sender.failures.add(
        new ReplySender.ReplyFailedException("503 Service Unavailable", true, null));
    var service = service(sender);

    Reply queued = service.send(caseId, "Sorry about that!", responder);
    assertThat(queued.status()).isEqualTo("queued");
    assertThat(queued.error()).contains("503");
    assertThat(service.forCase(caseId)).extracting(Reply::status).containsExactly("queued");

    assertThat(service.sendDue()).isZero(); // not due yet
    clock.advance(Duration.ofMinutes(1));
    assertThat(service.sendDue()).isEqualTo(1);
    Reply sent = service.forCase(caseId).get(0);
    assertThat(sent.status()).isEqualTo("sent");
    assertThat(sent.externalId()).isEqualTo("remote-" + sent.id());
    assertThat(sender.posted).containsExactly(sent.id());
    assertThat(cases.get(caseId).firstResponseMs()).isNotNull();
  }

  @Test
  void aRefusedReplyFailsAtOnceWithTheNetworksMessage() {
    var sender = new ScriptedSender(true);
    sender.failures.add(new ReplySender.ReplyFailedException("422 Validation failed", false, null));
    var service = service(sender);
    try {
      service.send(caseId, "Sorry!", responder);
    } catch (jakarta.ws.rs.ServerErrorException e) {
      assertThat(e.getMessage()).contains("422 Validation failed");
    }
    Reply failed = service.forCase(caseId).get(0);
    assertThat(failed.status()).isEqualTo("failed");
    assertThat(failed.error()).isEqualTo("422 Validation failed");
    clock.advance(Duration.ofHours(1));
    assertThat(service.sendDue()).isZero();
  }

  /** A crash after the network took the reply but before we recorded it. */
  void crashMidSend(ScriptedSender sender) {
    jdbi.useHandle(
        h ->
            h.execute(
                "INSERT INTO replies (case_id, in_reply_to_mention_id, author_id, network, text,"
                    + " status, created_at, attempts) VALUES (?, 1, ?, 'mastodon', 'hi', 'sending', ?, 1)",
                caseId,
                responder.id(),
                clock.instant().toEpochMilli()));
  }

  @Test
  void afterACrashANonIdempotentNetworkIsNeverPostedTwice() {
    var sender = new ScriptedSender(false);
    crashMidSend(sender);
    var service = service(sender);
    assertThat(service.recoverInFlight()).isEqualTo(1);
    clock.advance(Duration.ofHours(1));
    service.sendDue();
    assertThat(sender.posted).isEmpty();
    Reply r = service.forCase(caseId).get(0);
    assertThat(r.status()).isEqualTo("failed");
    assertThat(r.error()).contains("outcome unknown");
  }

  @Test
  void afterACrashAnIdempotentNetworkGetsTheSameKeyAgain() {
    var sender = new ScriptedSender(true);
    crashMidSend(sender);
    var service = service(sender);
    assertThat(service.recoverInFlight()).isEqualTo(1);
    service.sendDue();
    Reply r = service.forCase(caseId).get(0);
    assertThat(r.status()).isEqualTo("sent");
    // Same reply id -> same Idempotency-Key, so the network drops it if it had it already.
    assertThat(sender.posted).containsExactly(r.id());
  }
}

package org.complaintdesk.replies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.complaintdesk.auth.User;
import org.complaintdesk.cases.Case;
import org.complaintdesk.common.Network;
import org.complaintdesk.events.Event;
import org.complaintdesk.sentiment.SentimentResult;
import org.complaintdesk.testing.CaseFixture;
import org.complaintdesk.testing.TestDatabases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplyToolsServiceTest {
  static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");

  /** Records what would have been posted to the network. */
  static class FakeSender implements ReplySender {
    final List<OutgoingReply> sent = new CopyOnWriteArrayList<>();

    @Override
    public Network network() {
      return Network.MASTODON;
    }

    @Override
    public SentReply send(OutgoingReply reply) {
      sent.add(reply);
      return new SentReply("ext-" + sent.size());
    }
  }

  /** What a fake network does with a reply: answer, or throw. */
  interface Answer {
    ReplySender.SentReply apply(ReplySender.OutgoingReply reply)
        throws ReplySender.ReplyFailedException;
  }

  static ReplySender mastodon(Answer answer) {
    return new ReplySender() {
      @Override
      public Network network() {
        return Network.MASTODON;
      }

      @Override
      public SentReply send(OutgoingReply reply) throws ReplyFailedException {
        return answer.apply(reply);
      }
    };
  }

  @TempDir Path dir;
  CaseFixture f;
  FakeSender sender = new FakeSender();
  ReplyToolsService tools;
  ReplyService replies;
  User ann;

  /** "Rude" when the draft contains "stupid": the real model is exercised in ToneCheckTest. */
  static final ToneCheck.DraftScorer FAKE_SCORER =
      text ->
          text.contains("stupid")
              ? new ToneCheck.Score(SentimentResult.SCORED, 0.9, "negative", List.of("stupid"))
              : new ToneCheck.Score(SentimentResult.SCORED, 0.1, "positive", List.of());

  @BeforeEach
  void setUp() {
    f = new CaseFixture(TestDatabases.sqlite(dir), T0, Duration.ZERO);
    replies =
        new ReplyService(
            f.jdbi, f.cases, f.events, List.of(sender), new RepliesConfiguration(), f.clock);
    tools =
        new ReplyToolsService(
            f.jdbi, f.cases, replies, new ToneCheck(FAKE_SCORER, 0.6), f.events, f.clock);
    ann = f.responder("ann");
  }

  /** A reply outbox over this sender, with an English auto-acknowledgement of this text. */
  private ReplyService autoAcknowledging(ReplySender sender, String ack) {
    var outbox =
        new ReplyService(
            f.jdbi, f.cases, f.events, List.of(sender), new RepliesConfiguration(), f.clock);
    tools.saveCanned(null, "ack", "en", ack, true, null);
    f.cases.addListener(new AutoAcknowledger(tools, f.cases, outbox));
    return outbox;
  }

  private Case germanCase() {
    var m = f.post(Network.MASTODON, "carola", "Acme hat mein Paket verloren", T0);
    f.jdbi.useHandle(h -> h.execute("UPDATE mentions SET language = 'de' WHERE id = ?", m.id()));
    return f.cases.openOrJoin(f.mentions.find(m.id()).orElseThrow(), 0.9);
  }

  @Test
  void shouldRenderTheCannedReplyInTheCasesLanguageWithPlaceholders() {
    tools.saveCanned(null, "sorry", "en", "Sorry {{customer.name}}! Ref {{case.id}}", false, null);
    tools.saveCanned(
        null,
        "sorry",
        "de",
        "Entschuldigung {{customer.name}}! Fall {{case.id}} - {{responder.name}}",
        false,
        null);
    Case de = germanCase();
    assertThat(tools.render("sorry", de.id(), ann))
        .isEqualTo("Entschuldigung carola Name! Fall " + de.id() + " - ann");
    Case en = f.complaint(Network.MASTODON, "bob", T0);
    assertThat(tools.render("sorry", en.id(), ann)).isEqualTo("Sorry bob Name! Ref " + en.id());
  }

  @Test
  void shouldRejectUnknownPlaceholders() {
    assertThatThrownBy(
            () -> tools.saveCanned(null, "x", "en", "Hi {{customer.email}}", false, null))
        .hasMessageContaining("unknown placeholder {{customer.email}}");
  }

  @Test
  void shouldHoldBackARudeDraftUntilConfirmed() {
    Case c = f.complaint(Network.MASTODON, "carol", T0);
    f.cases.claim(c.id(), ann);
    var held = tools.compose(c.id(), "that is a stupid question", null, false, ann);
    assertThat(held.sent()).isFalse();
    assertThat(held.tone().warning()).contains("reads as negative");
    assertThat(sender.sent).isEmpty();

    var polite = tools.checkTone("Thanks for telling us, we are on it");
    assertThat(polite.rude()).isFalse();

    var sent = tools.compose(c.id(), "that is a stupid question", null, true, ann);
    assertThat(sent.sent()).isTrue();
    assertThat(sender.sent).singleElement().satisfies(r -> assertThat(r.text()).contains("stupid"));
  }

  @Test
  void shouldKeepInternalNotesOffTheNetwork() {
    Case c = f.complaint(Network.MASTODON, "carol", T0);
    Note n = tools.addNote(c.id(), "VIP - handle with care", ann);
    assertThat(n.author()).isEqualTo("ann");
    assertThat(tools.notes(c.id()))
        .extracting(Note::text)
        .containsExactly("VIP - handle with care");
    assertThat(sender.sent).isEmpty();
    assertThat(f.events.forCase(c.id())).extracting(Event::type).contains("note_added");
  }

  @Test
  void shouldAcknowledgeNewCasesWithoutCountingAFirstResponse() {
    tools.saveCanned(
        null,
        "ack",
        "en",
        "Thanks {{customer.handle}}, we are looking into it (#{{case.id}})",
        true,
        null);
    f.cases.addListener(new AutoAcknowledger(tools, f.cases, replies));
    f.clock.advance(Duration.ofSeconds(40));
    Case c = f.complaint(Network.MASTODON, "carol", T0);
    assertThat(sender.sent)
        .singleElement()
        .satisfies(
            r ->
                assertThat(r.text())
                    .isEqualTo("Thanks @carol, we are looking into it (#" + c.id() + ")"));
    Case after = f.cases.get(c.id());
    assertThat(after.firstResponseAt()).isNull();
    assertThat(after.firstResponseDueAt())
        .isNull(); // no policy here; the clock itself is untouched
    assertThat(f.events.forCase(c.id()))
        .filteredOn(e -> e.type().equals("auto_ack_sent"))
        .singleElement()
        .satisfies(e -> assertThat(e.durationMs()).isEqualTo(40_000L));
    assertThat(f.events.forCase(c.id()))
        .extracting(Event::type)
        .doesNotContain("first_response", "reply_sent");
  }

  @Test
  void shouldRetryAFailedAcknowledgementThroughTheOutboxWithTheSameIdempotencyKey() {
    var network =
        new FakeSender() {
          final List<OutgoingReply> attempts = new CopyOnWriteArrayList<>();

          @Override
          public SentReply send(OutgoingReply reply) {
            attempts.add(reply);
            return super.send(reply);
          }
        };
    int[] calls = {0};
    var failing =
        mastodon(
            reply -> {
              if (++calls[0] == 1) {
                throw new ReplySender.ReplyFailedException("503 Service Unavailable", true, null);
              }
              return network.send(reply);
            });
    var outbox = autoAcknowledging(failing, "Thanks, on it (#{{case.id}})");

    Case c = f.complaint(Network.MASTODON, "carol", T0);
    assertThat(outbox.forCase(c.id()))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.kind()).isEqualTo(Reply.AUTO_ACK);
              assertThat(r.author()).isEqualTo("auto-ack");
              assertThat(r.status()).isEqualTo("queued");
              assertThat(r.error()).contains("503");
            });
    assertThat(f.events.forCase(c.id())).extracting(Event::type).contains("reply_failed");

    f.clock.advance(Duration.ofMinutes(1));
    assertThat(outbox.sendDue()).isEqualTo(1);
    Reply sent = outbox.forCase(c.id()).get(0);
    assertThat(sent.status()).isEqualTo("sent");
    assertThat(network.attempts)
        .singleElement()
        .satisfies(r -> assertThat(r.replyId()).as("idempotency key").isEqualTo(sent.id()));
    assertThat(f.cases.get(c.id()).firstResponseAt()).isNull();
    assertThat(f.events.forCase(c.id()))
        .extracting(Event::type)
        .contains("auto_ack_sent")
        .doesNotContain("first_response", "reply_sent");

    // A human answer afterwards is the first response; the acknowledgement is never sent again.
    f.cases.claim(c.id(), ann);
    outbox.send(c.id(), "Sorry Carol, your parcel is on its way", ann);
    assertThat(f.cases.get(c.id()).firstResponseAt()).isNotNull();
    assertThat(outbox.acknowledge(f.cases.get(c.id()), "again")).isEmpty();
  }

  @Test
  void shouldShowAnAcknowledgementTheNetworkRefusedAsFailedOnTheCase() {
    var refusing =
        mastodon(
            reply -> {
              throw new ReplySender.ReplyFailedException("422 account suspended", false, null);
            });
    var outbox = autoAcknowledging(refusing, "Thanks, on it");

    Case c = f.complaint(Network.MASTODON, "carol", T0);
    assertThat(outbox.forCase(c.id()))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.status()).isEqualTo("failed");
              assertThat(r.error()).isEqualTo("422 account suspended");
            });
    assertThat(f.events.forCase(c.id())).extracting(Event::type).doesNotContain("auto_ack_sent");
  }
}

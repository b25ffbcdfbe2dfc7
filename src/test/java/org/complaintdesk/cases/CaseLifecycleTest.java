package org.complaintdesk.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.ws.rs.ClientErrorException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.complaintdesk.common.Network;
import org.complaintdesk.events.Event;
import org.complaintdesk.sla.SlaService;
import org.complaintdesk.testing.CaseFixture;
import org.complaintdesk.testing.TestDatabases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaseLifecycleTest {
  static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");

  @TempDir Path dir;
  CaseFixture f;

  @BeforeEach
  void setUp() {
    f = new CaseFixture(TestDatabases.sqlite(dir), T0, Duration.ofHours(48));
  }

  private List<String> eventTypes(long caseId) {
    return f.events.forCase(caseId).stream().map(Event::type).toList();
  }

  @Test
  void shouldWalkNewAssignedWaitingRepliedResolvedWithAnEventPerTransition() {
    var ann = f.responder("ann");
    Case c = f.complaint(Network.MASTODON, "carol", T0.minusSeconds(600));
    assertThat(c.status()).isEqualTo("new");

    f.clock.advance(Duration.ofMinutes(5));
    c = f.cases.claim(c.id(), ann);
    assertThat(c.status()).isEqualTo("assigned");

    f.cases.recordReplySent(c.id(), f.clock.instant(), "ann");
    f.clock.advance(Duration.ofMinutes(1));
    c = f.cases.waitOnCustomer(c.id(), ann);
    assertThat(c.status()).isEqualTo("waiting_on_customer");
    assertThat(f.cases.pauses(c.id())).hasSize(1).allMatch(p -> p.to() == null);

    f.clock.advance(Duration.ofMinutes(30));
    Instant customerPost = f.clock.instant();
    f.cases.openOrJoin(f.post(Network.MASTODON, "carol", "Acme still nothing", customerPost), 0.8);
    c = f.cases.get(c.id());
    assertThat(c.status()).as("the customer wrote: back in our court").isEqualTo("assigned");
    assertThat(c.waitingSince()).isEqualTo(customerPost);
    assertThat(f.cases.pauses(c.id()).get(0).to()).isEqualTo(customerPost);

    f.clock.advance(Duration.ofMinutes(10));
    c = f.cases.recordReplySent(c.id(), f.clock.instant(), "ann");
    assertThat(c.status()).isEqualTo("replied");
    assertThat(c.waitingSince()).isNull();
    c = f.cases.resolve(c.id(), ann);

    assertThat(eventTypes(c.id()))
        .containsExactly(
            "case_opened",
            "claimed",
            "reply_sent",
            "first_response",
            "waiting_on_customer",
            "mention_joined",
            "customer_replied",
            "reply_sent",
            "next_response",
            "resolved");
    assertThat(f.events.forCase(c.id()))
        .filteredOn(e -> !e.type().equals("case_opened") && !e.type().startsWith("mention"))
        .filteredOn(e -> !e.type().equals("customer_replied"))
        .allSatisfy(e -> assertThat(e.actor()).isEqualTo("ann"));
  }

  @Test
  void shouldRejectASecondClaim() {
    var ann = f.responder("ann");
    var bob = f.responder("bob");
    Case c = f.complaint(Network.MASTODON, "carol", T0);
    f.cases.claim(c.id(), ann);
    assertThatThrownBy(() -> f.cases.claim(c.id(), bob))
        .isInstanceOf(ClientErrorException.class)
        .hasMessageContaining("already assigned to ann")
        .satisfies(
            e -> assertThat(((ClientErrorException) e).getResponse().getStatus()).isEqualTo(409));
  }

  @Test
  void shouldReopenWhenTheCustomerWritesWithinTheWindowAndOpenANewCaseAfterIt() {
    var ann = f.responder("ann");
    Case c = f.complaint(Network.MASTODON, "carol", T0);
    f.cases.claim(c.id(), ann);
    f.cases.recordReplySent(c.id(), T0.plusSeconds(60), "ann");
    f.clock.set(T0.plus(Duration.ofHours(1)));
    f.cases.resolve(c.id(), ann);

    Instant again = T0.plus(Duration.ofHours(5));
    f.clock.set(again);
    Case reopened = f.complaint(Network.MASTODON, "carol", again);
    assertThat(reopened.id()).isEqualTo(c.id());
    assertThat(reopened.status()).isEqualTo("assigned");
    assertThat(reopened.assignee()).isEqualTo("ann");
    assertThat(reopened.reopenedCount()).isEqualTo(1);
    assertThat(reopened.resolvedAt()).isNull();
    assertThat(reopened.waitingSince()).isEqualTo(again);
    assertThat(f.cases.pauses(c.id()))
        .singleElement()
        .satisfies(p -> assertThat(p.from()).isEqualTo(T0.plus(Duration.ofHours(1))));
    assertThat(eventTypes(c.id())).contains("reopened");

    f.clock.set(again.plus(Duration.ofMinutes(1)));
    f.cases.resolve(c.id(), ann);
    Instant late = again.plus(Duration.ofHours(49));
    f.clock.set(late);
    Case fresh = f.complaint(Network.MASTODON, "carol", late);
    assertThat(fresh.id()).isNotEqualTo(c.id());
    assertThat(fresh.status()).isEqualTo("new");
  }

  @Test
  void shouldKeepDueTimesCurrentAndLogBusinessDurations() {
    f.sla.savePolicy(
        null,
        new SlaService.PolicyView(
            0, "standard", 1, null, null, null, 60L, 30L, 240L, null, 80, List.of()));
    Case c = f.complaint(Network.MASTODON, "carol", T0);
    assertThat(c.firstResponseDueAt()).isEqualTo(T0.plus(Duration.ofHours(1)));
    assertThat(c.resolutionDueAt()).isEqualTo(T0.plus(Duration.ofHours(4)));
    assertThat(c.dueAt()).isEqualTo(c.firstResponseDueAt());
    assertThat(c.slaPolicyId()).isNotNull();

    Case replied = f.cases.recordReplySent(c.id(), T0.plus(Duration.ofMinutes(75)), "ann");
    assertThat(replied.firstResponseDueAt()).isNull();
    assertThat(replied.dueAt()).isEqualTo(replied.resolutionDueAt());
    var frt =
        f.events.forCase(c.id()).stream()
            .filter(e -> e.type().equals("first_response"))
            .findFirst()
            .orElseThrow();
    assertThat(frt.durationMs()).isEqualTo(Duration.ofMinutes(75).toMillis());
    var measured =
        f.events.measured(
            "first_response", T0, T0.plus(Duration.ofDays(1)), null, null, Network.MASTODON);
    assertThat(measured)
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.businessMs()).isEqualTo(Duration.ofMinutes(75).toMillis());
              assertThat(m.slaMet()).isFalse();
            });
  }

  @Test
  void shouldShowTheCustomersHistoryAcrossLinkedNetworks() {
    Case onMastodon = f.complaint(Network.MASTODON, "carol", T0.minus(Duration.ofDays(3)));
    f.cases.resolve(onMastodon.id(), f.responder("ann"));
    f.clock.advance(Duration.ofDays(5));
    Case onX = f.complaint(Network.X, "@Carol", T0);

    var before = f.cases.history(onX.id(), 50);
    assertThat(before.cases()).extracting(Case::id).containsExactly(onX.id());
    long customerId = before.customer().id();
    long mastodonCustomer = f.cases.history(onMastodon.id(), 50).customer().id();
    assertThat(f.customers.suggestions(customerId))
        .singleElement()
        .satisfies(i -> assertThat(i.customerId()).isEqualTo(mastodonCustomer));

    f.customers.link(customerId, Network.MASTODON, "Carol", "ann");
    var after = f.cases.history(onX.id(), 50);
    assertThat(after.customer().identities()).hasSize(2);
    assertThat(after.cases()).extracting(Case::id).containsExactly(onX.id(), onMastodon.id());
    assertThat(after.mentions()).extracting(m -> m.network()).contains(Network.X, Network.MASTODON);
    assertThat(f.customers.suggestions(customerId)).isEmpty();
  }
}

package org.complaintdesk.routing;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.ClientErrorException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.complaintdesk.auth.User;
import org.complaintdesk.cases.Case;
import org.complaintdesk.common.Network;
import org.complaintdesk.testing.CaseFixture;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/** Concurrent claims on a real database: exactly one wins, every other gets 409. */
abstract class ClaimContract {
  abstract Jdbi jdbi();

  @Test
  void shouldLetExactlyOneOfManyConcurrentClaimsWin() throws Exception {
    var f = new CaseFixture(jdbi(), Instant.parse("2026-11-23T09:00:00Z"), Duration.ZERO);
    int threads = 8;
    List<User> responders = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      responders.add(f.responder("r" + i));
    }
    for (int round = 0; round < 5; round++) {
      Case c = f.complaint(Network.MASTODON, "carol" + round, f.clock.instant());
      CountDownLatch start = new CountDownLatch(1);
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      try {
        List<Future<Integer>> results = new ArrayList<>();
        for (User r : responders) {
          results.add(
              pool.submit(
                  () -> {
                    start.await();
                    try {
                      f.cases.claim(c.id(), r);
                      return 200;
                    } catch (ClientErrorException e) {
                      return e.getResponse().getStatus();
                    }
                  }));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> r : results) {
          statuses.add(r.get(60, TimeUnit.SECONDS));
        }
        assertThat(statuses).containsOnly(200, 409);
        assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
        Case after = f.cases.get(c.id());
        assertThat(after.assignee()).isNotNull();
        assertThat(f.events.forCase(c.id())).filteredOn(e -> e.type().equals("claimed")).hasSize(1);
      } finally {
        pool.shutdownNow();
      }
    }
  }
}

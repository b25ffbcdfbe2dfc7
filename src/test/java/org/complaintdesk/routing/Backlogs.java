package org.complaintdesk.routing;

import java.time.Instant;
import org.jdbi.v3.core.Jdbi;

/** Queued cases filed straight under a team (as a backlog after an outage would look). */
final class Backlogs {
  private Backlogs() {}

  /** {@code n} unassigned English cases, the i-th posted {@code i} seconds after {@code t0}. */
  static void queue(Jdbi jdbi, long teamId, int n, Instant t0) {
    jdbi.useTransaction(
        h -> {
          var batch =
              h.prepareBatch(
                  """
                  INSERT INTO cases (network, author_handle, open_key, status, priority, opened_at,
                    created_at, updated_at, language, waiting_since, reopened_count, team_id)
                  VALUES ('mastodon', :a, :k, 'new', 90, :t, :t, :t, 'en', :t, 0, :team)
                  """);
          for (int i = 0; i < n; i++) {
            long t = t0.plusSeconds(i).toEpochMilli();
            String author = "q" + teamId + "-" + i;
            batch
                .bind("a", author)
                .bind("k", "mastodon|" + author)
                .bind("t", t)
                .bind("team", teamId)
                .add();
          }
          batch.execute();
        });
  }
}

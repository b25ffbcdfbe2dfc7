package org.complaintdesk.testing;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.time.Instant;
import org.complaintdesk.ComplaintDeskConfiguration;
import org.complaintdesk.db.DatabaseSetup;
import org.jdbi.v3.core.Jdbi;

/** Rows put straight into a running test app's database, for read-path tests. */
public final class Fixtures {
  private Fixtures() {}

  public static Jdbi jdbi(DropwizardAppExtension<ComplaintDeskConfiguration> app) {
    return DatabaseSetup.configure(Jdbi.create(app.getConfiguration().getDatabase().getUrl()));
  }

  /** Stores an already-scored mention with this text and returns its id. */
  public static long mention(
      DropwizardAppExtension<ComplaintDeskConfiguration> app, String author, String text) {
    Jdbi jdbi = jdbi(app);
    return jdbi.withHandle(
        h -> {
          h.execute(
              """
              INSERT INTO sources (name, network, query, enabled, consecutive_failures, items_fetched)
              VALUES ('fixtures', 'demo', NULL, FALSE, 0, 0) ON CONFLICT (name) DO NOTHING
              """);
          long sourceId =
              h.createQuery("SELECT id FROM sources WHERE name = 'fixtures'")
                  .mapTo(Long.class)
                  .one();
          Instant now = TestApplication.CLOCK.instant();
          return h.createQuery(
                  """
                  INSERT INTO mentions (source_id, network, external_id, author_handle, author_name,
                    text, language, posted_at, fetched_at, sentiment_status, sentiment_label, detractor)
                  VALUES (:source, 'demo', :ext, :author, :author, :text, 'en', :now, :now,
                    'scored', 'negative', :detractor)
                  RETURNING id
                  """)
              .bind("source", sourceId)
              .bind("ext", "fixture-" + System.nanoTime())
              .bind("author", author)
              .bind("text", text)
              .bind("now", now)
              .bind("detractor", true)
              .mapTo(Long.class)
              .one();
        });
  }
}

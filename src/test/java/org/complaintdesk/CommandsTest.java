package org.complaintdesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The jar's commands, run as a user runs them (minus the JVM start). */
class CommandsTest {
  @TempDir Path dir;

  @Test
  void dbMigrateCreatesTheSchemaInTheConfiguredDatabase() throws Exception {
    Path db = dir.resolve("nested/folder/cd.db");
    Path config = dir.resolve("config.yml");
    Files.writeString(
        config,
        """
        database:
          driverClass: org.sqlite.JDBC
          url: jdbc:sqlite:%s
        logging:
          level: WARN
        """
            .formatted(db));
    new ComplaintDeskApplication().run("db", "migrate", config.toString());

    var tables =
        Jdbi.create("jdbc:sqlite:" + db)
            .withHandle(
                h ->
                    h.createQuery("SELECT name FROM sqlite_master WHERE type = 'table'")
                        .mapTo(String.class)
                        .list());
    assertThat(tables)
        .contains(
            "users",
            "api_tokens",
            "keywords",
            "sources",
            "mentions",
            "sentiment_results",
            "cases",
            "replies",
            "events");
  }

  @Test
  void scorePrintsTheSentimentResultAsJson() throws Exception {
    PrintStream original = System.out;
    var out = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      new ComplaintDeskApplication()
          .run("score", "This", "is", "the", "worst", "service", "ever.", "I", "hate", "it.");
    } finally {
      System.setOut(original);
    }
    String printed = out.toString(StandardCharsets.UTF_8);
    assertThat(printed).contains("\"label\" : \"negative\"").contains("\"detractor\" : true");
  }
}

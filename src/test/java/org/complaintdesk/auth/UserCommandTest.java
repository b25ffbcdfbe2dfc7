package org.complaintdesk.auth;

import static org.assertj.core.api.Assertions.assertThat;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.complaintdesk.ComplaintDeskApplication;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code user add}: the way to get a first admin without any default password. */
class UserCommandTest {
  @TempDir Path dir;

  @Test
  void userAddCreatesAUserWithAHashedPasswordReadFromStdin() throws Exception {
    Path db = dir.resolve("cd.db");
    Path config = dir.resolve("config.yml");
    Files.writeString(
        config,
        """
        database:
          driverClass: org.sqlite.JDBC
          url: jdbc:sqlite:%s
        auth:
          bcryptCost: 4
        logging:
          level: WARN
        """
            .formatted(db));
    InputStream original = System.in;
    System.setIn(new ByteArrayInputStream("first-admin-pass\n".getBytes(StandardCharsets.UTF_8)));
    try {
      new ComplaintDeskApplication()
          .run("user", "add", "alice", "--roles", "admin,responder", config.toString());
    } finally {
      System.setIn(original);
    }
    Map<String, Object> row =
        Jdbi.create("jdbc:sqlite:" + db)
            .withHandle(
                h ->
                    h.createQuery("SELECT roles, password_hash FROM users WHERE username = 'alice'")
                        .mapToMap()
                        .one());
    assertThat(row.get("roles")).isEqualTo("ADMIN,RESPONDER");
    String hash = (String) row.get("password_hash");
    assertThat(hash).doesNotContain("first-admin-pass");
    assertThat(BCrypt.verifyer().verify("first-admin-pass".toCharArray(), hash).verified).isTrue();
  }
}

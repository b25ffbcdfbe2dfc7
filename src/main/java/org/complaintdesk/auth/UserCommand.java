package org.complaintdesk.auth;

import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;
import org.complaintdesk.ComplaintDeskConfiguration;
import org.complaintdesk.db.DatabaseSetup;
import org.complaintdesk.db.Migrations;
import org.jdbi.v3.core.Jdbi;

/**
 * {@code user add NAME --roles admin [config.yml]}: creates a user, so a fresh installation gets
 * its first admin without any default password. The password is read from the console (asked
 * twice), or from the first line of standard input when there is no console (for scripts), never
 * from the command line, where it would end up in the shell history and the process list.
 */
public class UserCommand extends ConfiguredCommand<ComplaintDeskConfiguration> {
  public UserCommand() {
    super("user", "Manage users: user add NAME --roles admin,responder [config.yml]");
  }

  @Override
  public void configure(Subparser subparser) {
    subparser.addArgument("action").choices("add").help("what to do");
    subparser.addArgument("username").help("the new user's login name");
    subparser
        .addArgument("--roles")
        .required(true)
        .help("comma-separated roles: admin, responder, marketer");
    subparser.addArgument("--languages").setDefault("").help("comma-separated language codes");
    super.configure(subparser);
  }

  @Override
  protected void run(
      Bootstrap<ComplaintDeskConfiguration> bootstrap,
      Namespace namespace,
      ComplaintDeskConfiguration config)
      throws Exception {
    DatabaseSetup.prepare(config.getDatabase());
    var dataSource = config.getDatabase().build(bootstrap.getMetricRegistry(), "user-command");
    try {
      Jdbi jdbi = DatabaseSetup.configure(Jdbi.create(dataSource));
      jdbi.useHandle(h -> Migrations.migrate(h.getConnection()));
      var auth = new AuthService(jdbi, Clock.systemUTC(), config.getAuth());
      String username = namespace.getString("username");
      if (auth.findUser(username).isPresent()) {
        throw new IllegalArgumentException("user '" + username + "' already exists");
      }
      List<Role> roles =
          Arrays.stream(namespace.getString("roles").split(","))
              .filter(s -> !s.isBlank())
              .map(Role::parse)
              .toList();
      List<String> languages =
          Arrays.stream(namespace.getString("languages").split(","))
              .map(String::trim)
              .filter(s -> !s.isBlank())
              .toList();
      User user = auth.createUser(username, readPassword(), roles, languages);
      System.out.println("Created user '" + user.username() + "' with roles " + user.roles());
    } finally {
      dataSource.stop();
    }
  }

  private static String readPassword() throws Exception {
    var console = System.console();
    if (console != null) {
      char[] first = console.readPassword("Password: ");
      char[] second = console.readPassword("Again: ");
      if (first == null || !Arrays.equals(first, second)) {
        throw new IllegalArgumentException("the passwords differ");
      }
      return new String(first);
    }
    var in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    String line = in.readLine();
    if (line == null) {
      throw new IllegalArgumentException("no password on standard input");
    }
    return line;
  }
}

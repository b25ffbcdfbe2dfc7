package org.complaintdesk.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.complaintdesk.ComplaintDeskConfiguration;
import org.complaintdesk.testing.Endpoints;
import org.complaintdesk.testing.Endpoints.Endpoint;
import org.complaintdesk.testing.TestApp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Walks every endpoint of the running application (read from Jersey's resource model, so endpoints
 * added later are covered without touching this test) and checks who may call it: anonymous callers
 * get 401, users without an allowed role get 403.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class RoleMatrixTest {
  static final DropwizardAppExtension<ComplaintDeskConfiguration> APP = TestApp.create(0);

  /**
   * Open to anonymous callers on purpose: the login form, the web app's entry, and the inbound
   * webhook, which authenticates each delivery by its HMAC signature instead (see its tests under
   * ingest).
   */
  private static final Set<String> PUBLIC =
      Set.of("POST /api/login", "GET /", "POST /api/ingest/{source}");

  private static final Map<String, Role> USERS =
      Map.of(
          TestApp.ADMIN,
          Role.ADMIN,
          TestApp.RESPONDER,
          Role.RESPONDER,
          TestApp.MARKETER,
          Role.MARKETER);
  private static final Map<String, String> TOKENS = new java.util.HashMap<>();

  @BeforeAll
  static void logIn() {
    USERS.keySet().forEach(u -> TOKENS.put(u, TestApp.login(APP, u)));
  }

  static List<Endpoint> endpoints() {
    return Endpoints.of(APP);
  }

  private static Response call(String token, Endpoint e) {
    var request = TestApp.as(APP, token, e.url());
    return switch (e.method()) {
      case "GET" -> request.get();
      case "DELETE" -> request.delete();
      case "HEAD" -> request.head();
      default -> request.method(e.method(), Entity.json("{}"));
    };
  }

  @Test
  void theMatrixSeesTheKnownEndpoints() {
    var keys = endpoints().stream().map(Endpoint::key).toList();
    assertThat(keys)
        .contains(
            "GET /api/cases",
            "POST /api/cases/{id}/replies",
            "GET /api/audit",
            "POST /api/users",
            "DELETE /api/tokens/{id}",
            "POST /api/teams",
            "POST /api/sla/policies",
            "POST /api/mentions/{id}/label",
            "POST /api/login");
  }

  @Test
  void everyEndpointDeclaresItsRolesUnlessItIsPublicOnPurpose() {
    var undeclared =
        endpoints().stream()
            .filter(e -> e.allowed().isEmpty() && !e.permitAll())
            .map(Endpoint::key)
            .toList();
    assertThat(undeclared).containsExactlyInAnyOrderElementsOf(PUBLIC);
  }

  @TestFactory
  Stream<DynamicTest> anonymousCallersGet401() {
    return endpoints().stream()
        .filter(e -> !PUBLIC.contains(e.key()))
        .map(
            e ->
                DynamicTest.dynamicTest(
                    e.key(),
                    () -> {
                      try (Response r = call(null, e)) {
                        assertThat(r.getStatus()).as(e.key()).isEqualTo(401);
                      }
                    }));
  }

  @TestFactory
  Stream<DynamicTest> usersWithoutAnAllowedRoleGet403() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Endpoint e : endpoints()) {
      if (PUBLIC.contains(e.key()) || e.permitAll()) {
        continue;
      }
      USERS.forEach(
          (user, role) -> {
            if (!e.allowed().contains(role)) {
              tests.add(
                  DynamicTest.dynamicTest(
                      e.key() + " as " + user,
                      () -> {
                        try (Response r = call(TOKENS.get(user), e)) {
                          assertThat(r.getStatus()).as(e.key() + " as " + user).isEqualTo(403);
                        }
                      }));
            }
          });
    }
    return tests.stream();
  }

  @TestFactory
  Stream<DynamicTest> usersWithAnAllowedRoleAreLetIn() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Endpoint e : endpoints()) {
      if (PUBLIC.contains(e.key()) || e.method().equals("POST") && e.path().equals("/api/logout")) {
        continue;
      }
      USERS.forEach(
          (user, role) -> {
            if (e.permitAll() || e.allowed().contains(role)) {
              tests.add(
                  DynamicTest.dynamicTest(
                      e.key() + " as " + user,
                      () -> {
                        try (Response r = call(TOKENS.get(user), e)) {
                          assertThat(r.getStatus()).as(e.key() + " as " + user).isNotIn(401, 403);
                        }
                      }));
            }
          });
    }
    return tests.stream();
  }
}

package org.complaintdesk.reports;

import com.codahale.metrics.annotation.Timed;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.complaintdesk.auth.AuthService;
import org.complaintdesk.auth.Role;
import org.complaintdesk.auth.User;
import org.complaintdesk.common.QueryParams;

@Path("/api/reports/response-times")
@Produces(MediaType.APPLICATION_JSON)
public class ReportsResource {
  private final ResponseTimeReport report;
  private final AuthService users;
  private final Clock clock;

  public ReportsResource(ResponseTimeReport report, AuthService users, Clock clock) {
    this.report = report;
    this.users = users;
    this.clock = clock;
  }

  /**
   * Response times in [from, to) (default: the last 30 days), optionally for one team (id),
   * responder (username) or network; {@code metric} is first_response (default), next_response or
   * resolved.
   */
  @GET
  @Timed
  @RolesAllowed({Role.ADMIN_NAME, Role.RESPONDER_NAME, Role.MARKETER_NAME})
  public ResponseTimeReport.Result get(
      @QueryParam("metric") String metric,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("team") String team,
      @QueryParam("responder") String responder,
      @QueryParam("network") String network) {
    Instant end = to == null || to.isBlank() ? clock.instant() : QueryParams.instant("to", to);
    Instant start =
        from == null || from.isBlank()
            ? end.minus(Duration.ofDays(30))
            : QueryParams.instant("from", from);
    if (!start.isBefore(end)) {
      throw new BadRequestException("from must be before to");
    }
    String m = metric == null || metric.isBlank() ? "first_response" : metric.trim();
    if (!ResponseTimeReport.METRICS.contains(m)) {
      throw new BadRequestException("metric must be one of " + ResponseTimeReport.METRICS);
    }
    Long teamId = null;
    if (team != null && !team.isBlank()) {
      try {
        teamId = Long.parseLong(team.trim());
      } catch (NumberFormatException e) {
        throw new BadRequestException("team must be a team id, not '" + team + "'");
      }
    }
    Long responderId =
        responder == null || responder.isBlank()
            ? null
            : users
                .findUser(responder.trim())
                .map(User::id)
                .orElseThrow(
                    () -> new BadRequestException("unknown responder '" + responder + "'"));
    return report.compute(m, start, end, teamId, responderId, QueryParams.network(network));
  }
}

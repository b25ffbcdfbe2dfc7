package org.complaintdesk.routing;

import com.codahale.metrics.annotation.Timed;
import io.dropwizard.auth.Auth;
import io.dropwizard.jersey.params.LongParam;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.complaintdesk.audit.AuditLog;
import org.complaintdesk.auth.Role;
import org.complaintdesk.auth.User;
import org.complaintdesk.common.QueryParams;

/** The routing API: one root resource per path so none shadows {@code /api/cases}. */
public final class RoutingResources {
  private RoutingResources() {}

  public record TeamRequest(
      @NotBlank String name, String strategy, String backlogOrder, String manager) {}

  public record MemberRequest(@NotBlank String username) {}

  public record RuleRequest(
      @NotBlank String name,
      Integer position,
      String keyword,
      String brand,
      String network,
      String language,
      Double minPriority,
      Boolean detractor,
      @NotNull Long teamId) {
    RoutingRule toRule() {
      return new RoutingRule(
          0,
          position == null ? 100 : position,
          name,
          keyword,
          brand,
          QueryParams.network(network),
          QueryParams.language(language),
          minPriority,
          detractor,
          teamId);
    }
  }

  public record ResponderRequest(Integer capacity, List<String> skills) {}

  public record HeartbeatRequest(String availability) {}

  @Path("/api/teams")
  @Produces(MediaType.APPLICATION_JSON)
  @Consumes(MediaType.APPLICATION_JSON)
  public static class Teams {
    private final RoutingService routing;
    private final AuditLog audit;

    public Teams(RoutingService routing, AuditLog audit) {
      this.routing = routing;
      this.audit = audit;
    }

    @GET
    @Timed
    @RolesAllowed({Role.ADMIN_NAME, Role.RESPONDER_NAME})
    public List<RoutingService.Team> list() {
      return routing.teams();
    }

    @POST
    @Timed
    @RolesAllowed(Role.ADMIN_NAME)
    public RoutingService.Team create(@Auth User user, @Valid @NotNull TeamRequest r) {
      var saved = routing.saveTeam(null, r.name(), r.strategy(), r.backlogOrder(), r.manager());
      audit.record(user, "team.created", "team:" + saved.id(), null, saved);
      return saved;
    }

    @PUT
    @Path("/{id}")
    @Timed
    @RolesAllowed(Role.ADMIN_NAME)
    public RoutingService.Team update(
        @Auth User user, @PathParam("id") LongParam id, @Valid @NotNull TeamRequest r) {
      var before = routing.team(id.get());
      var saved = routing.saveTeam(id.get(), r.name(), r.strategy(), r.backlogOrder(), r.manager());
      audit.record(user, "team.updated", "team:" + id.get(), before, saved);
      return saved;
    }

    @POST
    @Path("/{id}/members")
    @Timed
    @RolesAllowed(Role.ADMIN_NAME)
    public RoutingService.Team addMember(
        @Auth User user, @PathParam("id") LongParam id, @Valid @NotNull MemberRequest r) {
      var before = routing.team(id.get());
      var saved = routing.addMember(id.get(), r.username());
      audit.record(user, "team.member_added", "team:" + id.get(), before, saved);
      return saved;
    }

    @DELETE
    @Path("/{id}/members/{username}")
    @Timed
    @RolesAllowed(Role.ADMIN_NAME)
    public RoutingService.Team removeMember(
        @Auth User user, @PathParam("id") LongParam id, @PathParam("username") String username) {
      var before = routing.team(id.get());
      var saved = routing.removeMember(id.get(), username);
      audit.record(user, "team.member_removed", "team:" + id.get(), before, saved);
      return saved;
    }
  }

  @Path("/api/routing-rules")
  @Produces(MediaType.APPLICATION_JSON)
  @Consumes(MediaType.APPLICATION_JSON)
  public static class Rules {
    private final RoutingService routing;
    private final AuditLog audit;

    public Rules(RoutingService routing, AuditLog audit) {
      this.routing = routing;
      this.audit = audit;
    }

    @GET
    @Timed
    @RolesAllowed(Role.ADMIN_NAME)
    public List<RoutingRule> list() {
      return routing.rules();
    }

    @POST
    @Timed
    @RolesAllowed(Role.ADMIN_NAME)
    public RoutingRule create(@Auth User user, @Valid @NotNull RuleRequest r) {
      var saved = routing.saveRule(null, r.toRule());
      audit.record(user, "routing_rule.created", "routing_rule:" + saved.id(), null, saved);
      return saved;
    }

    @PUT
    @Path("/{id}")
    @Timed
    @RolesAllowed(Role.ADMIN_NAME)
    public RoutingRule update(
        @Auth User user, @PathParam("id") LongParam id, @Valid @NotNull RuleRequest r) {
      var before = routing.rule(id.get());
      var saved = routing.saveRule(id.get(), r.toRule());
      audit.record(user, "routing_rule.updated", "routing_rule:" + id.get(), before, saved);
      return saved;
    }

    @DELETE
    @Path("/{id}")
    @Timed
    @RolesAllowed(Role.ADMIN_NAME)
    public void delete(@Auth User user, @PathParam("id") LongParam id) {
      var before = routing.rule(id.get());
      routing.deleteRule(id.get());
      audit.record(user, "routing_rule.deleted", "routing_rule:" + id.get(), before, null);
    }
  }

  @Path("/api/responders")
  @Produces(MediaType.APPLICATION_JSON)
  @Consumes(MediaType.APPLICATION_JSON)
  public static class Responders {
    private final RoutingService routing;
    private final AuditLog audit;

    public Responders(RoutingService routing, AuditLog audit) {
      this.routing = routing;
      this.audit = audit;
    }

    @GET
    @Timed
    @RolesAllowed({Role.ADMIN_NAME, Role.RESPONDER_NAME})
    public List<RoutingService.Responder> list() {
      return routing.responders();
    }

    @PUT
    @Path("/{username}")
    @Timed
    @RolesAllowed(Role.ADMIN_NAME)
    public RoutingService.Responder update(
        @Auth User user,
        @PathParam("username") String username,
        @Valid @NotNull ResponderRequest r) {
      var before = routing.responder(username);
      var saved = routing.updateResponder(username, r.capacity(), r.skills());
      audit.record(user, "responder.updated", "responder:" + saved.username(), before, saved);
      return saved;
    }

    /** The UI calls this every minute or so; without it the responder counts as offline. */
    @POST
    @Path("/me/heartbeat")
    @Timed
    @RolesAllowed(Role.RESPONDER_NAME)
    public RoutingService.Responder heartbeat(@Auth User user, HeartbeatRequest r) {
      return routing.heartbeat(user, r == null ? null : r.availability());
    }
  }

  @Path("/api/cases/{id}/assignment-log")
  @Produces(MediaType.APPLICATION_JSON)
  public static class AssignmentLog {
    private final RoutingService routing;

    public AssignmentLog(RoutingService routing) {
      this.routing = routing;
    }

    /** Why the case went to whom: rule matched, candidates considered, why each was skipped. */
    @GET
    @Timed
    @RolesAllowed({Role.ADMIN_NAME, Role.RESPONDER_NAME})
    public List<RoutingService.LogEntry> get(@PathParam("id") LongParam id) {
      return routing.assignmentLog(id.get());
    }
  }

  @Path("/api/cases/{id}/viewers")
  @Produces(MediaType.APPLICATION_JSON)
  public static class Viewers {
    private final RoutingService routing;

    public Viewers(RoutingService routing) {
      this.routing = routing;
    }

    @GET
    @Timed
    @RolesAllowed({Role.ADMIN_NAME, Role.RESPONDER_NAME})
    public List<RoutingService.Viewer> get(@PathParam("id") LongParam id) {
      return routing.viewers(id.get());
    }

    /** "I have this case open" (repeat while it stays open); returns everyone viewing it. */
    @POST
    @Timed
    @RolesAllowed({Role.ADMIN_NAME, Role.RESPONDER_NAME})
    public List<RoutingService.Viewer> ping(@Auth User user, @PathParam("id") LongParam id) {
      return routing.viewing(id.get(), user);
    }

    @DELETE
    @Timed
    @RolesAllowed({Role.ADMIN_NAME, Role.RESPONDER_NAME})
    public void leave(@Auth User user, @PathParam("id") LongParam id) {
      routing.stopViewing(id.get(), user);
    }
  }
}

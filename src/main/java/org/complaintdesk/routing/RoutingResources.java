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

    public Teams(RoutingService routing) {
      this.routing = routing;
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
    public RoutingService.Team create(@Valid @NotNull TeamRequest r) {
      return routing.saveTeam(null, r.name(), r.strategy(), r.backlogOrder(), r.manager());
    }

    @PUT
    @Path("/{id}")
    @Timed
    @RolesAllowed(Role.ADMIN_NAME)
    public RoutingService.Team update(
        @PathParam("id") LongParam id, @Valid @NotNull TeamRequest r) {
      return routing.saveTeam(id.get(), r.name(), r.strategy(), r.backlogOrder(), r.manager());
    }

    @POST
    @Path("/{id}/members")
    @Timed
    @RolesAllowed(Role.ADMIN_NAME)
    public RoutingService.Team addMember(
        @PathParam("id") LongParam id, @Valid @NotNull MemberRequest r) {
      return routing.addMember(id.get(), r.username());
    }

    @DELETE
    @Path("/{id}/members/{username}")
    @Timed
    @RolesAllowed(Role.ADMIN_NAME)
    public RoutingService.Team removeMember(
        @PathParam("id") LongParam id, @PathParam("username") String username) {
      return routing.removeMember(id.get(), username);
    }
  }

  @Path("/api/routing-rules")
  @Produces(MediaType.APPLICATION_JSON)
  @Consumes(MediaType.APPLICATION_JSON)
  public static class Rules {
    private final RoutingService routing;

    public Rules(RoutingService routing) {
      this.routing = routing;
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
    public RoutingRule create(@Valid @NotNull RuleRequest r) {
      return routing.saveRule(null, r.toRule());
    }

    @PUT
    @Path("/{id}")
    @Timed
    @RolesAllowed(Role.ADMIN_NAME)
    public RoutingRule update(@PathParam("id") LongParam id, @Valid @NotNull RuleRequest r) {
      return routing.saveRule(id.get(), r.toRule());
    }

    @DELETE
    @Path("/{id}")
    @Timed
    @RolesAllowed(Role.ADMIN_NAME)
    public void delete(@PathParam("id") LongParam id) {
      routing.deleteRule(id.get());
    }
  }

  @Path("/api/responders")
  @Produces(MediaType.APPLICATION_JSON)
  @Consumes(MediaType.APPLICATION_JSON)
  public static class Responders {
    private final RoutingService routing;

    public Responders(RoutingService routing) {
      this.routing = routing;
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
        @PathParam("username") String username, @Valid @NotNull ResponderRequest r) {
      return routing.updateResponder(username, r.capacity(), r.skills());
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

package org.complaintdesk.cases;

import com.codahale.metrics.annotation.Timed;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.auth.Auth;
import io.dropwizard.jersey.params.IntParam;
import io.dropwizard.jersey.params.LongParam;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Set;
import org.complaintdesk.auth.AuthService;
import org.complaintdesk.auth.Role;
import org.complaintdesk.auth.User;
import org.complaintdesk.common.Page;
import org.complaintdesk.common.QueryParams;
import org.complaintdesk.events.Event;
import org.complaintdesk.events.EventLog;
import org.complaintdesk.ingest.Mention;

@Path("/api/cases")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CasesResource {
  private static final Set<String> STATUSES =
      Set.of("open", "new", "assigned", "waiting_on_customer", "replied", "resolved");

  private final CaseService cases;
  private final AuthService users;
  private final EventLog events;
  private final ReplyHistory replies;

  /** The replies of a case, oldest first; the replies feature owns them. */
  @FunctionalInterface
  public interface ReplyHistory {
    List<?> forCase(long caseId);
  }

  public CasesResource(
      CaseService cases, AuthService users, EventLog events, ReplyHistory replies) {
    this.cases = cases;
    this.users = users;
    this.events = events;
    this.replies = replies;
  }

  /** A case with its customer's posts, the replies sent, and its history. */
  public record CaseDetail(
      @JsonProperty("case") Case kase,
      CaseService.PriorityParts priorityParts,
      List<Mention> mentions,
      List<?> replies,
      List<Event> events) {}

  public record AssignRequest(@NotBlank String responder) {}

  @GET
  @Timed
  @RolesAllowed({Role.ADMIN_NAME, Role.RESPONDER_NAME})
  public Page<Case> list(
      @Auth User user,
      @QueryParam("status") String status,
      @QueryParam("assignee") String assignee,
      @QueryParam("team") String team,
      @QueryParam("unassigned") String unassigned,
      @QueryParam("sort") String sort,
      @QueryParam("limit") @DefaultValue("50") IntParam limit,
      @QueryParam("offset") @DefaultValue("0") IntParam offset) {
    Long assigneeId = null;
    if (assignee != null && !assignee.isBlank()) {
      String name = "me".equals(assignee.trim()) ? user.username() : assignee.trim();
      assigneeId =
          users
              .findUser(name)
              .map(User::id)
              .orElseThrow(() -> new BadRequestException("unknown assignee '" + assignee + "'"));
    }
    return cases.list(
        QueryParams.oneOf("status", status, STATUSES),
        assigneeId,
        parseId("team", team),
        Boolean.TRUE.equals(QueryParams.bool("unassigned", unassigned)),
        sort == null ? "due" : QueryParams.oneOf("sort", sort, Set.of("due", "opened", "priority")),
        QueryParams.bounded("limit", limit.get(), 1, 500),
        QueryParams.bounded("offset", offset.get(), 0, 1_000_000));
  }

  @GET
  @Path("/{id}")
  @Timed
  @RolesAllowed({Role.ADMIN_NAME, Role.RESPONDER_NAME})
  public CaseDetail get(@PathParam("id") LongParam id) {
    Case c = cases.get(id.get());
    return new CaseDetail(
        c,
        cases.priorityParts(c),
        cases.mentionsOf(c.id()),
        replies.forCase(c.id()),
        events.forCase(c.id()));
  }

  @POST
  @Path("/{id}/assign")
  @Timed
  @RolesAllowed({Role.ADMIN_NAME, Role.RESPONDER_NAME})
  public Case assign(
      @Auth User user, @PathParam("id") LongParam id, @Valid @NotNull AssignRequest request) {
    return cases.assign(id.get(), request.responder(), user);
  }

  private static Long parseId(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      throw new BadRequestException(name + " must be a number, not '" + value + "'");
    }
  }

  /** Takes an unassigned case; 409 if someone else got it first. */
  @POST
  @Path("/{id}/claim")
  @Timed
  @RolesAllowed({Role.ADMIN_NAME, Role.RESPONDER_NAME})
  public Case claim(@Auth User user, @PathParam("id") LongParam id) {
    return cases.claim(id.get(), user);
  }

  /** We asked the customer something: SLA clocks pause until they write again. */
  @POST
  @Path("/{id}/wait")
  @Timed
  @RolesAllowed({Role.ADMIN_NAME, Role.RESPONDER_NAME})
  public Case waitOnCustomer(@Auth User user, @PathParam("id") LongParam id) {
    return cases.waitOnCustomer(id.get(), user);
  }

  /** The customer's profile, earlier cases and posts on every linked network. */
  @GET
  @Path("/{id}/history")
  @Timed
  @RolesAllowed({Role.ADMIN_NAME, Role.RESPONDER_NAME})
  public CaseService.History history(
      @PathParam("id") LongParam id, @QueryParam("limit") @DefaultValue("50") IntParam limit) {
    return cases.history(id.get(), QueryParams.bounded("limit", limit.get(), 1, 500));
  }

  @POST
  @Path("/{id}/resolve")
  @Timed
  @RolesAllowed({Role.ADMIN_NAME, Role.RESPONDER_NAME})
  public Case resolve(@Auth User user, @PathParam("id") LongParam id) {
    return cases.resolve(id.get(), user);
  }
}

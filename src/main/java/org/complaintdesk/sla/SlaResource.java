package org.complaintdesk.sla;

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
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.complaintdesk.audit.AuditLog;
import org.complaintdesk.auth.Role;
import org.complaintdesk.auth.User;

/**
 * Admin API for business calendars and SLA policies. Every change re-applies the policies to all
 * open cases (their due times move at once), unlike SLAs that cannot be edited after creation.
 */
@Path("/api/sla")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SlaResource {
  private final SlaService sla;
  private final Runnable reapply;
  private final AuditLog audit;

  public SlaResource(SlaService sla, Runnable reapply, AuditLog audit) {
    this.sla = sla;
    this.reapply = reapply;
    this.audit = audit;
  }

  private SlaService.CalendarView calendar(long id) {
    return sla.calendars().stream().filter(c -> c.id() == id).findFirst().orElse(null);
  }

  private SlaService.PolicyView policy(long id) {
    return sla.policies().stream().filter(p -> p.id() == id).findFirst().orElse(null);
  }

  public record CalendarRequest(
      @NotBlank String name,
      @NotBlank String zone,
      @NotNull Map<DayOfWeek, List<String>> week,
      List<LocalDate> holidays) {}

  @GET
  @Path("/calendars")
  @Timed
  @RolesAllowed({Role.ADMIN_NAME, Role.RESPONDER_NAME})
  public List<SlaService.CalendarView> calendars() {
    return sla.calendars();
  }

  @POST
  @Path("/calendars")
  @Timed
  @RolesAllowed(Role.ADMIN_NAME)
  public SlaService.CalendarView createCalendar(
      @Auth User user, @Valid @NotNull CalendarRequest r) {
    var saved = sla.saveCalendar(null, r.name(), r.zone(), r.week(), r.holidays());
    audit.record(user, "sla_calendar.created", "sla_calendar:" + saved.id(), null, saved);
    return saved;
  }

  @PUT
  @Path("/calendars/{id}")
  @Timed
  @RolesAllowed(Role.ADMIN_NAME)
  public SlaService.CalendarView updateCalendar(
      @Auth User user, @PathParam("id") LongParam id, @Valid @NotNull CalendarRequest r) {
    var before = calendar(id.get());
    var saved = sla.saveCalendar(id.get(), r.name(), r.zone(), r.week(), r.holidays());
    audit.record(user, "sla_calendar.updated", "sla_calendar:" + id.get(), before, saved);
    reapply.run();
    return saved;
  }

  @GET
  @Path("/policies")
  @Timed
  @RolesAllowed({Role.ADMIN_NAME, Role.RESPONDER_NAME})
  public List<SlaService.PolicyView> policies() {
    return sla.policies();
  }

  @POST
  @Path("/policies")
  @Timed
  @RolesAllowed(Role.ADMIN_NAME)
  public SlaService.PolicyView createPolicy(@Auth User user, @NotNull SlaService.PolicyView p) {
    var saved = sla.savePolicy(null, p);
    audit.record(user, "sla_policy.created", "sla_policy:" + saved.id(), null, saved);
    reapply.run();
    return saved;
  }

  @PUT
  @Path("/policies/{id}")
  @Timed
  @RolesAllowed(Role.ADMIN_NAME)
  public SlaService.PolicyView updatePolicy(
      @Auth User user, @PathParam("id") LongParam id, @NotNull SlaService.PolicyView p) {
    var before = policy(id.get());
    var saved = sla.savePolicy(id.get(), p);
    audit.record(user, "sla_policy.updated", "sla_policy:" + id.get(), before, saved);
    reapply.run();
    return saved;
  }

  @DELETE
  @Path("/calendars/{id}")
  @Timed
  @RolesAllowed(Role.ADMIN_NAME)
  public void deleteCalendar(@Auth User user, @PathParam("id") LongParam id) {
    var before = calendar(id.get());
    sla.deleteCalendar(id.get());
    audit.record(user, "sla_calendar.deleted", "sla_calendar:" + id.get(), before, null);
  }

  @DELETE
  @Path("/policies/{id}")
  @Timed
  @RolesAllowed(Role.ADMIN_NAME)
  public void deletePolicy(@Auth User user, @PathParam("id") LongParam id) {
    var before = policy(id.get());
    sla.deletePolicy(id.get());
    audit.record(user, "sla_policy.deleted", "sla_policy:" + id.get(), before, null);
    reapply.run();
  }
}

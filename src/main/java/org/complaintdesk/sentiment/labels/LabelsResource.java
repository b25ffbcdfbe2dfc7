package org.complaintdesk.sentiment.labels;

import com.codahale.metrics.annotation.Timed;
import io.dropwizard.auth.Auth;
import io.dropwizard.jersey.params.LongParam;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.complaintdesk.audit.AuditLog;
import org.complaintdesk.auth.Role;
import org.complaintdesk.auth.User;

/** {@code POST /api/mentions/{id}/label {"label": "negative"}}: a responder corrects a label. */
@Path("/api/mentions/{id}/label")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class LabelsResource {
  private final LabelService labels;
  private final AuditLog audit;

  public LabelsResource(LabelService labels, AuditLog audit) {
    this.labels = labels;
    this.audit = audit;
  }

  public record LabelRequest(@NotNull String label) {}

  @POST
  @Timed
  @RolesAllowed({Role.ADMIN_NAME, Role.RESPONDER_NAME})
  public LabelCorrection correct(
      @Auth User user, @PathParam("id") LongParam id, @Valid @NotNull LabelRequest request) {
    var before = labels.current(id.get()).orElse(null);
    var after = labels.correct(id.get(), request.label(), user.username());
    // The issue asks for label corrections in the audit trail: who, when, label before/after.
    audit.record(user, "label.corrected", "mention:" + id.get(), before, after);
    return after;
  }
}

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
import org.complaintdesk.auth.Role;
import org.complaintdesk.auth.User;

/** {@code POST /api/mentions/{id}/label {"label": "negative"}}: a responder corrects a label. */
@Path("/api/mentions/{id}/label")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class LabelsResource {
  private final LabelService labels;

  public LabelsResource(LabelService labels) {
    this.labels = labels;
  }

  public record LabelRequest(@NotNull String label) {}

  @POST
  @Timed
  @RolesAllowed({Role.ADMIN_NAME, Role.RESPONDER_NAME})
  public LabelCorrection correct(
      @Auth User user, @PathParam("id") LongParam id, @Valid @NotNull LabelRequest request) {
    return labels.correct(id.get(), request.label(), user.username());
  }
}

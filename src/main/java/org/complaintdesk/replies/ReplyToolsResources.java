package org.complaintdesk.replies;

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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.complaintdesk.audit.AuditLog;
import org.complaintdesk.auth.Role;
import org.complaintdesk.auth.User;

/** Canned replies, tone check, compose-with-tone-check and internal notes. */
public final class ReplyToolsResources {
  private ReplyToolsResources() {}

  public record CannedRequest(
      @NotBlank String name,
      String language,
      @NotBlank String body,
      Boolean autoAck,
      Long teamId) {}

  public record TextRequest(@NotBlank String text) {}

  public record Rendered(String text) {}

  public record ComposeRequest(String text, String canned, Boolean confirm) {}

  @Path("/api/canned-replies")
  @Produces(MediaType.APPLICATION_JSON)
  @Consumes(MediaType.APPLICATION_JSON)
  public static class Canned {
    private final ReplyToolsService tools;
    private final AuditLog audit;

    public Canned(ReplyToolsService tools, AuditLog audit) {
      this.tools = tools;
      this.audit = audit;
    }

    private CannedReply find(long id) {
      return tools.canned().stream().filter(c -> c.id() == id).findFirst().orElse(null);
    }

    @GET
    @Timed
    @RolesAllowed({Role.ADMIN_NAME, Role.RESPONDER_NAME})
    public List<CannedReply> list() {
      return tools.canned();
    }

    @POST
    @Timed
    @RolesAllowed(Role.ADMIN_NAME)
    public CannedReply create(@Auth User user, @Valid @NotNull CannedRequest r) {
      var saved =
          tools.saveCanned(
              null, r.name(), r.language(), r.body(), Boolean.TRUE.equals(r.autoAck()), r.teamId());
      audit.record(user, "canned_reply.created", "canned_reply:" + saved.id(), null, saved);
      return saved;
    }

    @PUT
    @Path("/{id}")
    @Timed
    @RolesAllowed(Role.ADMIN_NAME)
    public CannedReply update(
        @Auth User user, @PathParam("id") LongParam id, @Valid @NotNull CannedRequest r) {
      var before = find(id.get());
      var saved =
          tools.saveCanned(
              id.get(),
              r.name(),
              r.language(),
              r.body(),
              Boolean.TRUE.equals(r.autoAck()),
              r.teamId());
      audit.record(user, "canned_reply.updated", "canned_reply:" + id.get(), before, saved);
      return saved;
    }

    @DELETE
    @Path("/{id}")
    @Timed
    @RolesAllowed(Role.ADMIN_NAME)
    public void delete(@Auth User user, @PathParam("id") LongParam id) {
      var before = find(id.get());
      tools.deleteCanned(id.get());
      audit.record(user, "canned_reply.deleted", "canned_reply:" + id.get(), before, null);
    }

    /** The canned reply {@code name} for a case, in the case's language, placeholders filled. */
    @GET
    @Path("/{name}/render")
    @Timed
    @RolesAllowed({Role.ADMIN_NAME, Role.RESPONDER_NAME})
    public Rendered render(
        @Auth User user, @PathParam("name") String name, @QueryParam("case") LongParam caseId) {
      if (caseId == null) {
        throw new jakarta.ws.rs.BadRequestException("case is required");
      }
      return new Rendered(tools.render(name, caseId.get(), user));
    }
  }

  @Path("/api/tone-check")
  @Produces(MediaType.APPLICATION_JSON)
  @Consumes(MediaType.APPLICATION_JSON)
  public static class Tone {
    private final ReplyToolsService tools;

    public Tone(ReplyToolsService tools) {
      this.tools = tools;
    }

    @POST
    @Timed
    @RolesAllowed({Role.ADMIN_NAME, Role.RESPONDER_NAME})
    public ToneCheck.Result check(@Valid @NotNull TextRequest r) {
      return tools.checkTone(r.text());
    }
  }

  @Path("/api/cases/{id}/compose")
  @Produces(MediaType.APPLICATION_JSON)
  @Consumes(MediaType.APPLICATION_JSON)
  public static class Compose {
    private final ReplyToolsService tools;

    public Compose(ReplyToolsService tools) {
      this.tools = tools;
    }

    /**
     * Tone-checks and sends. A rude draft comes back with {@code sent: false} and the warning;
     * repeat with {@code confirm: true} to send it anyway.
     */
    @POST
    @Timed
    @RolesAllowed(Role.RESPONDER_NAME)
    public ReplyToolsService.ComposeResult compose(
        @Auth User user, @PathParam("id") LongParam id, @Valid @NotNull ComposeRequest r) {
      return tools.compose(id.get(), r.text(), r.canned(), Boolean.TRUE.equals(r.confirm()), user);
    }
  }

  @Path("/api/cases/{id}/notes")
  @Produces(MediaType.APPLICATION_JSON)
  @Consumes(MediaType.APPLICATION_JSON)
  public static class Notes {
    private final ReplyToolsService tools;

    public Notes(ReplyToolsService tools) {
      this.tools = tools;
    }

    @GET
    @Timed
    @RolesAllowed({Role.ADMIN_NAME, Role.RESPONDER_NAME})
    public List<Note> list(@PathParam("id") LongParam id) {
      return tools.notes(id.get());
    }

    /** An internal note: stored with the case, never sent to the network. */
    @POST
    @Timed
    @RolesAllowed({Role.ADMIN_NAME, Role.RESPONDER_NAME})
    public Note add(@Auth User user, @PathParam("id") LongParam id, @Valid @NotNull TextRequest r) {
      return tools.addNote(id.get(), r.text(), user);
    }
  }
}

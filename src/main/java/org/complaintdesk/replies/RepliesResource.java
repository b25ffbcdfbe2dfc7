package org.complaintdesk.replies;

import com.codahale.metrics.annotation.Timed;
import io.dropwizard.auth.Auth;
import io.dropwizard.jersey.params.LongParam;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.complaintdesk.audit.AuditLog;
import org.complaintdesk.auth.Role;
import org.complaintdesk.auth.User;
import org.complaintdesk.cases.CaseService;

@Path("/api/cases/{id}/replies")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RepliesResource {
  private final ReplyService replies;
  private final CaseService cases;
  private final AuditLog audit;

  public RepliesResource(ReplyService replies, CaseService cases, AuditLog audit) {
    this.replies = replies;
    this.cases = cases;
    this.audit = audit;
  }

  /** Text is validated by the service, which knows the configured limit. */
  public record NewReply(String text) {}

  /** The reply as sent, with the case's first-response time once known. */
  public record SentReplyView(Reply reply, Long firstResponseMs, String caseStatus) {}

  @POST
  @Timed
  @RolesAllowed({Role.ADMIN_NAME, Role.RESPONDER_NAME})
  public Response send(
      @Auth User user, @PathParam("id") LongParam caseId, @Valid @NotNull NewReply request) {
    Reply reply = replies.send(caseId.get(), request.text(), user);
    audit.record(user, "reply.sent", "case:" + caseId.get(), null, reply);
    var c = cases.get(caseId.get());
    return Response.status(201)
        .entity(new SentReplyView(reply, c.firstResponseMs(), c.status()))
        .build();
  }

  @GET
  @Timed
  @RolesAllowed({Role.ADMIN_NAME, Role.RESPONDER_NAME})
  public List<Reply> list(@PathParam("id") LongParam caseId) {
    cases.get(caseId.get());
    return replies.forCase(caseId.get());
  }
}

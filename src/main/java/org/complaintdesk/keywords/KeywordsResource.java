package org.complaintdesk.keywords;

import com.codahale.metrics.annotation.Timed;
import io.dropwizard.auth.Auth;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.complaintdesk.audit.AuditLog;
import org.complaintdesk.auth.Role;
import org.complaintdesk.auth.User;

@Path("/api/keywords")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class KeywordsResource {
  private final KeywordService keywords;
  private final AuditLog audit;

  public KeywordsResource(KeywordService keywords, AuditLog audit) {
    this.keywords = keywords;
    this.audit = audit;
  }

  public record NewKeyword(@NotBlank @Size(max = 200) String term, @Size(max = 100) String brand) {}

  @GET
  @Timed
  @RolesAllowed({Role.ADMIN_NAME, Role.RESPONDER_NAME, Role.MARKETER_NAME})
  public List<Keyword> list() {
    return keywords.list();
  }

  @POST
  @Timed
  @RolesAllowed(Role.ADMIN_NAME)
  public Response add(@Auth User user, @Valid @NotNull NewKeyword request) {
    Keyword created = keywords.add(request.term(), request.brand());
    audit.record(user, "keyword.added", "keyword:" + created.id(), null, created);
    return Response.created(URI.create("/api/keywords/" + created.id())).entity(created).build();
  }

  @DELETE
  @Path("/{id}")
  @Timed
  @RolesAllowed(Role.ADMIN_NAME)
  public Response remove(@Auth User user, @PathParam("id") long id) {
    var before = keywords.find(id).orElse(null);
    keywords.remove(id);
    audit.record(user, "keyword.removed", "keyword:" + id, before, null);
    return Response.noContent().build();
  }
}

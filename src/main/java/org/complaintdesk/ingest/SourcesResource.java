package org.complaintdesk.ingest;

import com.codahale.metrics.annotation.Timed;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.auth.Auth;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.complaintdesk.audit.AuditLog;
import org.complaintdesk.auth.Role;
import org.complaintdesk.auth.User;

/**
 * Sources, their health and their administration, for admins. Credentials are write-only: a
 * source's JSON says which credential fields are set ({@code credentialsSet}), never their values,
 * and the audit trail records field names only.
 */
@Path("/api/sources")
@Produces(MediaType.APPLICATION_JSON)
public class SourcesResource {
  private final IngestService ingest;
  private final SourceCredentials credentials;
  private final AuditLog audit;
  private final ObjectMapper json;

  public SourcesResource(
      IngestService ingest, SourceCredentials credentials, AuditLog audit, ObjectMapper json) {
    this.ingest = ingest;
    this.credentials = credentials;
    this.audit = audit;
    this.json = json;
  }

  @GET
  @Timed
  @RolesAllowed(Role.ADMIN_NAME)
  public List<Map<String, Object>> list() {
    return ingest.sources().stream().map(this::view).toList();
  }

  @POST
  @Path("/{name}/pause")
  @Timed
  @RolesAllowed(Role.ADMIN_NAME)
  public Map<String, Object> pause(@Auth User user, @PathParam("name") String name) {
    return setPaused(user, name, true);
  }

  @POST
  @Path("/{name}/resume")
  @Timed
  @RolesAllowed(Role.ADMIN_NAME)
  public Map<String, Object> resume(@Auth User user, @PathParam("name") String name) {
    return setPaused(user, name, false);
  }

  /**
   * Replaces some credential fields of a source, e.g. {@code {"token":"…"}} or {@code
   * {"appPassword":"…"}}. The answer lists the fields written and the fields set, no values.
   */
  @PUT
  @Path("/{name}/credentials")
  @Consumes(MediaType.APPLICATION_JSON)
  @Timed
  @RolesAllowed(Role.ADMIN_NAME)
  public Map<String, Object> setCredentials(
      @Auth User user, @PathParam("name") String name, Map<String, String> body) {
    Set<String> before = credentials.fieldsSet(name);
    Set<String> written;
    try {
      written = credentials.write(name, body, user.getName());
    } catch (SourceCredentials.Refused e) {
      throw new WebApplicationException(e.getMessage(), e.status());
    }
    Set<String> after = credentials.fieldsSet(name);
    audit.record(
        user,
        "source.credentials.changed",
        "source:" + name,
        Map.of("fieldsSet", before),
        Map.of("fieldsSet", after, "fieldsWritten", written));
    var answer = new LinkedHashMap<String, Object>();
    answer.put("source", name);
    answer.put("fieldsWritten", written);
    answer.put("credentialsSet", after);
    return answer;
  }

  private Map<String, Object> setPaused(User user, String name, boolean paused) {
    Source before =
        ingest
            .sourceByName(name)
            .orElseThrow(() -> new WebApplicationException("no source '" + name + "'", 404));
    ingest.setAdminPaused(name, paused);
    Source after = ingest.sourceByName(name).orElseThrow();
    audit.record(
        user,
        paused ? "source.paused" : "source.resumed",
        "source:" + name,
        Map.of("adminPaused", before.adminPaused()),
        Map.of("adminPaused", after.adminPaused()));
    return view(after);
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> view(Source source) {
    Map<String, Object> map = new LinkedHashMap<>(json.convertValue(source, Map.class));
    map.put("credentialsSet", credentials.fieldsSet(source.name()));
    return map;
  }
}

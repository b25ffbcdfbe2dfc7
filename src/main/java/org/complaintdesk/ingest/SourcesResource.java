package org.complaintdesk.ingest;

import com.codahale.metrics.annotation.Timed;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.complaintdesk.auth.Role;

/** Sources and their health, for admins. */
@Path("/api/sources")
@Produces(MediaType.APPLICATION_JSON)
public class SourcesResource {
  private final IngestService ingest;

  public SourcesResource(IngestService ingest) {
    this.ingest = ingest;
  }

  @GET
  @Timed
  @RolesAllowed(Role.ADMIN_NAME)
  public List<Source> list() {
    return ingest.sources();
  }
}

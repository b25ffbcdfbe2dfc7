package org.complaintdesk.ingest;

import com.codahale.metrics.annotation.Timed;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.complaintdesk.auth.Role;
import org.complaintdesk.keywords.KeywordQuery;
import org.complaintdesk.keywords.KeywordService;

/**
 * {@code POST /api/keywords/preview}: which stored mentions a draft query would match, so an admin
 * can try a query before saving it. Lives in ingest because it reads mentions (keywords must not
 * depend on ingest).
 */
@Path("/api/keywords/preview")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class KeywordPreviewResource {
  static final int SCAN_LIMIT = 5000;
  static final int MAX_MATCHES = 100;

  private final MentionService mentions;

  public KeywordPreviewResource(MentionService mentions) {
    this.mentions = mentions;
  }

  public record PreviewRequest(@NotNull @Size(max = 500) String query) {}

  /**
   * {@code scanned}: how many of the newest mentions were checked; {@code matched}: how many hit.
   */
  public record Preview(String query, int scanned, int matched, List<Mention> mentions) {}

  @POST
  @Timed
  @RolesAllowed(Role.ADMIN_NAME)
  public Preview preview(@Valid @NotNull PreviewRequest request) {
    KeywordQuery query = KeywordService.validate(request.query().strip());
    List<Mention> recent = mentions.recent(SCAN_LIMIT);
    List<Mention> hits =
        recent.stream()
            .filter(m -> query.matches(m.text(), m.language(), m.authorHandle()))
            .toList();
    return new Preview(
        query.text(),
        recent.size(),
        hits.size(),
        hits.size() > MAX_MATCHES ? hits.subList(0, MAX_MATCHES) : hits);
  }
}

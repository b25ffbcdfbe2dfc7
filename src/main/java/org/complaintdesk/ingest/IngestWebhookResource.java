package org.complaintdesk.ingest;

import com.codahale.metrics.annotation.Timed;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/**
 * {@code POST /api/ingest/{source}}: mentions pushed by other systems. Authenticated by the
 * HMAC-SHA256 signature of the raw body ({@code X-Signature-256: sha256=<hex>}) with the source's
 * secret, not by a bearer token. That is why this method carries neither {@code @RolesAllowed} nor
 * {@code @PermitAll}: with Dropwizard's AuthDynamicFeature, {@code @PermitAll} would demand a
 * bearer token (like the login endpoint, it is open and checks its own credentials).
 */
@Path("/api/ingest/{source}")
@Produces(MediaType.APPLICATION_JSON)
public class IngestWebhookResource {
  static final int MAX_BODY_BYTES = 256 * 1024;
  private final WebhookProcessor processor;

  public IngestWebhookResource(WebhookProcessor processor) {
    this.processor = processor;
  }

  @POST
  @Timed
  @Consumes(MediaType.WILDCARD)
  public Response receive(
      @PathParam("source") String source,
      @HeaderParam(WebhookProcessor.SIGNATURE_HEADER) String signature,
      byte[] body) {
    if (!processor.knows(source)) {
      throw new NotFoundException("no webhook source '" + source + "'");
    }
    if (body == null || body.length == 0) {
      throw new WebApplicationException("invalid or missing signature", 401);
    }
    if (body.length > MAX_BODY_BYTES) {
      throw new ClientErrorException("body is larger than " + MAX_BODY_BYTES + " bytes", 413);
    }
    if (!processor.verify(source, body, signature)) {
      throw new WebApplicationException("invalid or missing signature", 401);
    }
    WebhookProcessor.Outcome outcome;
    try {
      outcome = processor.accept(source, body);
    } catch (IllegalArgumentException e) {
      throw new ClientErrorException(e.getMessage(), 422);
    }
    return Response.status(outcome == WebhookProcessor.Outcome.ACCEPTED ? 202 : 200)
        .entity(Map.of("status", outcome.name().toLowerCase(java.util.Locale.ROOT)))
        .build();
  }
}

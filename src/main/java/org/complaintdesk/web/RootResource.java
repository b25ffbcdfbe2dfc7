package org.complaintdesk.web;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** {@code /} sends browsers to the web app. Open to everyone: it reveals nothing. */
@Path("/")
public class RootResource {
  @GET
  public Response root() {
    return Response.seeOther(URI.create(WebFeature.APP_PATH)).build();
  }
}

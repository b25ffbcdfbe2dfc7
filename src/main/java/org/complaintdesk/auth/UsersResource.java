package org.complaintdesk.auth;

import com.codahale.metrics.annotation.Timed;
import io.dropwizard.auth.Auth;
import io.dropwizard.jersey.params.LongParam;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.complaintdesk.audit.AuditLog;

/** Users and roles, for admins; plus the list of people a case can be assigned to. */
@Path("/api/users")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class UsersResource {
  private final AuthService auth;
  private final AuditLog audit;

  UsersResource(AuthService auth, AuditLog audit) {
    this.auth = auth;
    this.audit = audit;
  }

  public record NewUser(
      @NotBlank @Size(max = 64) String username,
      @Size(max = 200) String displayName,
      @NotNull String password,
      @NotEmpty Set<String> roles,
      List<String> languages) {}

  public record UserChange(
      @Size(max = 200) String displayName,
      @NotEmpty Set<String> roles,
      List<String> languages,
      @NotNull Boolean active) {}

  public record NewPassword(@NotNull String password) {}

  public record Assignee(long id, String username, String displayName) {}

  @GET
  @Timed
  @RolesAllowed(Role.ADMIN_NAME)
  public List<UserView> list() {
    return auth.listUserViews();
  }

  /** Active responders, for the inbox's assign menu. */
  @GET
  @Path("/assignable")
  @Timed
  @RolesAllowed({Role.ADMIN_NAME, Role.RESPONDER_NAME})
  public List<Assignee> assignable() {
    return auth.listUserViews().stream()
        .filter(u -> u.active() && u.roles().contains(Role.RESPONDER))
        .map(u -> new Assignee(u.id(), u.username(), u.displayName()))
        .toList();
  }

  @POST
  @Timed
  @RolesAllowed(Role.ADMIN_NAME)
  public Response create(@Auth User admin, @Valid @NotNull NewUser request) {
    if (existing(request.username())) {
      throw new ClientErrorException("user '" + request.username() + "' already exists", 409);
    }
    User created;
    try {
      created =
          auth.createUser(
              request.username().trim(),
              request.password(),
              roles(request.roles()),
              languages(request.languages()));
    } catch (IllegalArgumentException e) {
      throw new ClientErrorException(e.getMessage(), 422);
    }
    UserView view =
        request.displayName() == null
            ? auth.findUserView(created.id()).orElseThrow()
            : auth.updateUser(
                created.id(), request.displayName(), created.roles(), created.languages(), true);
    audit.record(admin, "user.created", "user:" + view.username(), null, view);
    return Response.created(URI.create("/api/users/" + view.id())).entity(view).build();
  }

  @PUT
  @Path("/{id}")
  @Timed
  @RolesAllowed(Role.ADMIN_NAME)
  public UserView update(
      @Auth User admin, @PathParam("id") LongParam id, @Valid @NotNull UserChange request) {
    UserView before =
        auth.findUserView(id.get())
            .orElseThrow(() -> new NotFoundException("user " + id.get() + " not found"));
    var roles = roles(request.roles());
    // Keep at least the acting admin able to get back in.
    if (before.id() == admin.id() && (!request.active() || !roles.contains(Role.ADMIN))) {
      throw new ClientErrorException(
          "you cannot remove your own admin role or deactivate yourself", 409);
    }
    UserView after;
    try {
      after =
          auth.updateUser(
              id.get(),
              request.displayName(),
              roles,
              request.languages() == null ? before.languages() : languages(request.languages()),
              request.active());
    } catch (IllegalArgumentException e) {
      throw new ClientErrorException(e.getMessage(), 422);
    }
    audit.record(admin, "user.updated", "user:" + after.username(), before, after);
    return after;
  }

  /** Sets a new password (signs the user out everywhere); the audit entry shows no password. */
  @POST
  @Path("/{id}/password")
  @Timed
  @RolesAllowed(Role.ADMIN_NAME)
  public Response setPassword(
      @Auth User admin, @PathParam("id") LongParam id, @Valid @NotNull NewPassword request) {
    UserView user =
        auth.findUserView(id.get())
            .orElseThrow(() -> new NotFoundException("user " + id.get() + " not found"));
    try {
      auth.setPassword(id.get(), request.password());
    } catch (IllegalArgumentException e) {
      throw new ClientErrorException(e.getMessage(), 422);
    }
    audit.record(
        admin,
        "user.password_set",
        "user:" + user.username(),
        null,
        Map.of("password", request.password()));
    return Response.noContent().build();
  }

  private boolean existing(String username) {
    return auth.listUserViews().stream()
        .anyMatch(u -> u.username().equalsIgnoreCase(username.trim()));
  }

  private static Set<Role> roles(Set<String> names) {
    try {
      return names.stream().map(Role::parse).collect(Collectors.toSet());
    } catch (IllegalArgumentException e) {
      throw new ClientErrorException(e.getMessage(), 422);
    }
  }

  private static List<String> languages(List<String> languages) {
    return languages == null
        ? List.of()
        : languages.stream().map(String::trim).filter(s -> s.matches("[a-z]{2,3}")).toList();
  }
}

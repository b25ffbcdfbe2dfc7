package org.complaintdesk.testing;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.complaintdesk.auth.Role;
import org.glassfish.jersey.server.model.Resource;
import org.glassfish.jersey.server.model.ResourceMethod;

/**
 * Every endpoint of a running application, read from Jersey's resource model (registered instances,
 * classes and programmatic resources), so tests built on it cover endpoints that other features add
 * later without being edited.
 */
public final class Endpoints {
  private Endpoints() {}

  /**
   * One HTTP method on one path template. {@code entity} is the type of the request body parameter
   * (null when the method takes none).
   */
  public record Endpoint(
      String method,
      String path,
      Method java,
      Set<Role> allowed,
      boolean permitAll,
      Class<?> entity) {
    public String key() {
      return method + " " + path;
    }

    /** A concrete URL: every path parameter becomes 1. */
    public String url() {
      return path.replaceAll("\\{[^}]*}", "1");
    }
  }

  public static List<Endpoint> of(DropwizardAppExtension<?> app) {
    var config = app.getEnvironment().jersey().getResourceConfig();
    Set<Class<?>> classes = new LinkedHashSet<>();
    config.getInstances().forEach(i -> classes.add(i.getClass()));
    classes.addAll(config.getClasses());
    List<Endpoint> result = new ArrayList<>();
    for (Class<?> c : classes) {
      if (c.isAnnotationPresent(Path.class)) {
        collect(Resource.from(c), "", result);
      }
    }
    for (Resource r : config.getResources()) {
      collect(r, "", result);
    }
    return result;
  }

  private static void collect(Resource resource, String parent, List<Endpoint> out) {
    String path = join(parent, resource.getPath());
    for (ResourceMethod m : resource.getResourceMethods()) {
      Method method = m.getInvocable().getDefinitionMethod();
      Class<?> entity =
          Arrays.stream(method.getParameters())
              .filter(p -> Arrays.stream(p.getAnnotations()).noneMatch(Endpoints::injects))
              .map(java.lang.reflect.Parameter::getType)
              .findFirst()
              .orElse(null);
      out.add(
          new Endpoint(
              m.getHttpMethod(), path, method, allowedRoles(method), isPermitAll(method), entity));
    }
    for (Resource child : resource.getChildResources()) {
      collect(child, path, out);
    }
  }

  /** Annotations that fill a parameter from somewhere other than the request body. */
  private static boolean injects(Annotation a) {
    String name = a.annotationType().getName();
    return name.startsWith("jakarta.ws.rs.") && !name.equals("jakarta.ws.rs.Encoded")
        || name.equals("io.dropwizard.auth.Auth");
  }

  private static String join(String parent, String path) {
    String p = (parent + "/" + (path == null ? "" : path)).replaceAll("/+", "/");
    return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
  }

  private static Set<Role> allowedRoles(Method m) {
    RolesAllowed roles = m.getAnnotation(RolesAllowed.class);
    if (roles == null) {
      roles = m.getDeclaringClass().getAnnotation(RolesAllowed.class);
    }
    Set<Role> result = EnumSet.noneOf(Role.class);
    if (roles != null) {
      Arrays.stream(roles.value()).map(Role::parse).forEach(result::add);
    }
    return result;
  }

  private static boolean isPermitAll(Method m) {
    return m.isAnnotationPresent(PermitAll.class)
        || m.getDeclaringClass().isAnnotationPresent(PermitAll.class);
  }
}

package org.complaintdesk.common;

import io.dropwizard.core.server.AbstractServerFactory;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.jersey.errors.EarlyEofExceptionMapper;
import io.dropwizard.jersey.errors.ErrorMessage;
import io.dropwizard.jersey.errors.IllegalStateExceptionMapper;
import io.dropwizard.jersey.errors.LoggingExceptionMapper;
import io.dropwizard.jersey.jackson.JsonProcessingExceptionMapper;
import io.dropwizard.jersey.validation.JerseyViolationException;
import jakarta.validation.ConstraintViolation;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.stream.Collectors;
import org.jdbi.v3.core.JdbiException;

/**
 * Every error leaves the API as {@code {"code":…, "message":…}}: Dropwizard's mappers for
 * WebApplicationException, JSON and EOF errors, plus ours for validation and database errors, which
 * never echo SQL or driver messages.
 */
public final class ErrorMappers {
  private ErrorMappers() {}

  public static void register(AbstractServerFactory serverFactory, Environment environment) {
    // Replace Dropwizard's defaults, whose validation errors use a different shape ({"errors":[]}).
    serverFactory.setRegisterDefaultExceptionMappers(false);
    var jersey = environment.jersey();
    jersey.register(new LoggingExceptionMapper<Throwable>() {});
    jersey.register(new JsonProcessingExceptionMapper(false));
    jersey.register(new EarlyEofExceptionMapper());
    jersey.register(new IllegalStateExceptionMapper());
    jersey.register(new ViolationMapper());
    jersey.register(new DatabaseErrorMapper());
  }

  static Response error(int status, String message) {
    return Response.status(status)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(new ErrorMessage(status, message))
        .build();
  }

  /**
   * Bean Validation failures: 422 (400 for bad query/path parameters) with one readable message.
   */
  static final class ViolationMapper implements ExceptionMapper<JerseyViolationException> {
    @Override
    public Response toResponse(JerseyViolationException e) {
      String message =
          e.getConstraintViolations().stream()
              .map(ViolationMapper::describe)
              .sorted()
              .collect(Collectors.joining("; "));
      boolean parameterProblem =
          e.getConstraintViolations().stream()
              .anyMatch(v -> v.getPropertyPath().toString().contains(".arg"));
      return error(parameterProblem ? 400 : 422, message);
    }

    private static String describe(ConstraintViolation<?> v) {
      String path = v.getPropertyPath().toString();
      int dot = path.lastIndexOf('.');
      String field = dot >= 0 ? path.substring(dot + 1) : path;
      return (field.isEmpty() || field.startsWith("arg") ? "" : field + " ") + v.getMessage();
    }
  }

  /** A database problem is the server's fault; log it with an id, tell the client nothing more. */
  static final class DatabaseErrorMapper extends LoggingExceptionMapper<JdbiException> {}
}

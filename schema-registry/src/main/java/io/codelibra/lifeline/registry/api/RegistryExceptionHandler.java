package io.codelibra.lifeline.registry.api;

import io.codelibra.lifeline.registry.api.Responses.ErrorMessage;
import io.codelibra.lifeline.registry.error.RegistryException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Every error as Confluent answers it: {@code {"error_code": N, "message": "..."}} in
 * {@code application/vnd.schemaregistry.v1+json}, HTTP status the code's first three digits (not
 * ProblemDetail: Confluent clients parse {@code error_code}).
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RegistryExceptionHandler {

  private static final Logger LOG = LoggerFactory.getLogger(RegistryExceptionHandler.class);
  private static final MediaType ERROR_TYPE = MediaType.parseMediaType(RegistryMediaTypes.V1_JSON);

  @ExceptionHandler(RegistryException.class)
  public ResponseEntity<ErrorMessage> registryError(RegistryException e) {
    if (e.error().httpStatus() >= 500) {
      LOG.warn("{} ({})", e.getMessage(), e.error().code(), e.getCause());
    }
    return error(e.error().httpStatus(), e.error().code(), e.getMessage());
  }

  /** An unknown path, or a path parameter of the wrong type (an id that is not a number): JAX-RS answers 404. */
  @ExceptionHandler({NoResourceFoundException.class, MethodArgumentTypeMismatchException.class})
  public ResponseEntity<ErrorMessage> notFound(Exception e) {
    return error(404, 404, "HTTP 404 Not Found");
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  public ResponseEntity<ErrorMessage> methodNotAllowed(HttpRequestMethodNotSupportedException e) {
    return error(405, 405, "HTTP 405 Method Not Allowed");
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  public ResponseEntity<ErrorMessage> unsupportedMediaType(HttpMediaTypeNotSupportedException e) {
    return error(415, 415, "HTTP 415 Unsupported Media Type");
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  public ResponseEntity<ErrorMessage> badRequest(MissingServletRequestParameterException e) {
    return error(400, 400, e.getMessage());
  }

  @ExceptionHandler(Exception.class)
  public ResponseEntity<ErrorMessage> unexpected(Exception e) {
    LOG.error("unexpected error", e);
    return error(500, 500, "Internal Server Error");
  }

  private static ResponseEntity<ErrorMessage> error(int status, int code, String message) {
    return ResponseEntity.status(status).contentType(ERROR_TYPE).body(new ErrorMessage(code, message));
  }
}

package io.codelibra.lifeline.statuspage.admin;

import org.springframework.http.HttpStatus;

/** A request the admin API refuses before publishing anything: not found, invalid, or not allowed now. */
public class AdminRequestException extends RuntimeException {

  private final HttpStatus status;
  private final String title;

  public AdminRequestException(HttpStatus status, String title, String detail) {
    super(detail);
    this.status = status;
    this.title = title;
  }

  public static AdminRequestException notFound(String detail) {
    return new AdminRequestException(HttpStatus.NOT_FOUND, "Not found", detail);
  }

  public static AdminRequestException invalid(String detail) {
    return new AdminRequestException(HttpStatus.BAD_REQUEST, "Invalid request", detail);
  }

  public static AdminRequestException conflict(String detail) {
    return new AdminRequestException(HttpStatus.CONFLICT, "Not allowed in the current state", detail);
  }

  public HttpStatus status() {
    return status;
  }

  public String title() {
    return title;
  }
}

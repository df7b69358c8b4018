package io.codelibra.lifeline.failover.fault;

import java.util.OptionalInt;

/**
 * A fault could not be switched or verified: the region is not configured, the call was refused or failed (with the
 * HTTP status when there was an answer), it did not take effect in time, or the read-back disagrees.
 */
public class FaultInjectionException extends RuntimeException {

  private static final int NO_STATUS = -1;

  private final String region;
  private final int httpStatus;

  public FaultInjectionException(String region, String message) {
    this(region, NO_STATUS, message, null);
  }

  public FaultInjectionException(String region, String message, Throwable cause) {
    this(region, NO_STATUS, message, cause);
  }

  public FaultInjectionException(String region, int httpStatus, String message, Throwable cause) {
    super(message, cause);
    this.region = region;
    this.httpStatus = httpStatus;
  }

  public String region() {
    return region;
  }

  /** The HTTP status of the refusing answer, if the failure was one. */
  public OptionalInt httpStatus() {
    return httpStatus == NO_STATUS ? OptionalInt.empty() : OptionalInt.of(httpStatus);
  }
}

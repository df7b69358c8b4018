package io.codelibra.lifeline.schemas.registry;

/** The registry answered with an error, or could not be reached. Carries Confluent's error code when there is one. */
public class SchemaRegistryException extends RuntimeException {

  private final int httpStatus;
  private final int errorCode;

  public SchemaRegistryException(int httpStatus, int errorCode, String message) {
    super(message + " (HTTP " + httpStatus + ", error_code " + errorCode + ")");
    this.httpStatus = httpStatus;
    this.errorCode = errorCode;
  }

  public SchemaRegistryException(String message, Throwable cause) {
    super(message, cause);
    this.httpStatus = 0;
    this.errorCode = 0;
  }

  public int httpStatus() {
    return httpStatus;
  }

  /** Confluent's error code, e.g. 40401 subject not found, 40403 schema not found, 409 incompatible. */
  public int errorCode() {
    return errorCode;
  }
}

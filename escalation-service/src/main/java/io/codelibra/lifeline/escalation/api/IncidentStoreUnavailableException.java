package io.codelibra.lifeline.escalation.api;

/** The incident store is not queryable yet (starting, restoring or rebalancing): the API answers 503. */
public class IncidentStoreUnavailableException extends RuntimeException {

  public IncidentStoreUnavailableException(Throwable cause) {
    super("the incident store is not available yet (starting or rebalancing)", cause);
  }
}

package io.codelibra.lifeline.escalation.api;

/** No incident with this id on this instance: 404. */
public class IncidentNotFoundException extends RuntimeException {

  public IncidentNotFoundException(String id) {
    super("no incident " + id);
  }
}

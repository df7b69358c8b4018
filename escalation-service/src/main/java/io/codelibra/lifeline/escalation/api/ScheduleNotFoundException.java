package io.codelibra.lifeline.escalation.api;

/** No schedule with this id: 404. */
public class ScheduleNotFoundException extends RuntimeException {

  public ScheduleNotFoundException(String id) {
    super("no schedule " + id);
  }
}

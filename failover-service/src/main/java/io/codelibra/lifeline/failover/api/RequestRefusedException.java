package io.codelibra.lifeline.failover.api;

/** The pair's state machine refused the request (stale epoch, one in flight, unhealthy target, window not over...). */
public class RequestRefusedException extends RuntimeException {

  private final String requestId;

  public RequestRefusedException(String requestId, String reason) {
    super(reason);
    this.requestId = requestId;
  }

  public String requestId() {
    return requestId;
  }
}

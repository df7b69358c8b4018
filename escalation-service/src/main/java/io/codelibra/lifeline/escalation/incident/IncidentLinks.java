package io.codelibra.lifeline.escalation.incident;

/** Links put in notifications, built from the service's public base URL. */
public record IncidentLinks(String baseUrl) {

  public IncidentLinks {
    baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
  }

  String incident(String incidentId) {
    return baseUrl + "/api/v1/incidents/" + incidentId;
  }

  String acknowledge(String incidentId) {
    return incident(incidentId) + "/acknowledge";
  }
}

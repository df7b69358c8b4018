package io.codelibra.lifeline.deploy.local;

import java.util.List;

/** A Spring Boot process of the local stack: its module, HTTP port and what it is for. */
public record LocalService(String module, int port, String role) {

  public static final LocalService SCHEMA_REGISTRY =
      new LocalService("schema-registry", 8081, "Confluent-API schema registry");

  /** The five Lifeline services, started once the broker and the registry are up. */
  public static final List<LocalService> LIFELINE = List.of(
      new LocalService("alert-ingest", 8080, "alarms in: POST /api/v1/alerts"),
      new LocalService("escalation-service", 8082, "incidents, escalation, on-call"),
      new LocalService("statuspage-service", 8083, "public status page"),
      new LocalService("failover-service", 8084, "region health and failover"),
      new LocalService("recovery-service", 8085, "runbooks and recovery"));

  public String url() {
    return "http://localhost:" + port;
  }

  public String healthUrl() {
    return url() + "/actuator/health";
  }
}

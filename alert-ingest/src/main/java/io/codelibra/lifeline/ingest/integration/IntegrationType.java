package io.codelibra.lifeline.ingest.integration;

/** The kinds of sender an integration can be configured for. */
public enum IntegrationType {
  alertmanager,
  pagerduty,
  sns,
  generic
}

package io.codelibra.lifeline.deploy.cli;

/** The writes an operator can ask of the region pair, with where each is sent. */
enum PairAction {
  FAILOVER("failover", "/api/v1/region-pair/failover"),
  FAILBACK("failback", "/api/v1/region-pair/failback"),
  APPROVE_FAILBACK("failback approval", "/api/v1/region-pair/failback/approval");

  private final String label;
  private final String path;

  PairAction(String label, String path) {
    this.label = label;
    this.path = path;
  }

  String label() {
    return label;
  }

  String path() {
    return path;
  }
}

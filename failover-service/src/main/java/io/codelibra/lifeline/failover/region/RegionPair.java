package io.codelibra.lifeline.failover.region;

/** An active-passive region pair: traffic normally on {@code primary}, {@code secondary} its disaster-recovery region. */
public record RegionPair(String primary, String secondary) {

  public RegionPair {
    if (primary == null || secondary == null || primary.isBlank() || secondary.isBlank() || primary.equals(secondary)) {
      throw new IllegalArgumentException("a region pair needs two different regions, got " + primary + "/" + secondary);
    }
  }

  /** The pair's id and topic key, e.g. {@code us-east-1/us-west-2}. */
  public String id() {
    return primary + "/" + secondary;
  }

  public boolean contains(String region) {
    return primary.equals(region) || secondary.equals(region);
  }

  public String other(String region) {
    return primary.equals(region) ? secondary : primary;
  }
}

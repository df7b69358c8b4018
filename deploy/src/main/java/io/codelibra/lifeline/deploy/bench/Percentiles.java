package io.codelibra.lifeline.deploy.bench;

import java.util.Collection;

/** p50/p90/p99/max of a set of durations in milliseconds, printed the same way by every benchmark. */
record Percentiles(int count, double p50, double p90, double p99, double max) {

  static Percentiles of(Collection<Double> millis) {
    double[] sorted = millis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    if (sorted.length == 0) {
      return new Percentiles(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }
    return new Percentiles(sorted.length, at(sorted, 0.50), at(sorted, 0.90), at(sorted, 0.99), sorted[sorted.length - 1]);
  }

  private static double at(double[] sorted, double quantile) {
    int index = (int) Math.ceil(quantile * sorted.length) - 1;
    return sorted[Math.clamp(index, 0, sorted.length - 1)];
  }

  @Override
  public String toString() {
    return String.format("n=%d p50=%.1f ms p90=%.1f ms p99=%.1f ms max=%.1f ms", count, p50, p90, p99, max);
  }

}

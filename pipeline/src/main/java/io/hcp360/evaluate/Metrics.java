package io.hcp360.evaluate;

final class Metrics {
  private Metrics() {}

  /** F1 of a precision and a recall; 0 when both are 0. */
  static double harmonicMean(double precision, double recall) {
    return precision + recall == 0 ? 0.0 : 2 * precision * recall / (precision + recall);
  }

  /** The number of unordered pairs among {@code n} records. */
  static long pairs(long n) {
    return n * (n - 1) / 2;
  }
}

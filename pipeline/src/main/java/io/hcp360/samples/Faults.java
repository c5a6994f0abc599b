package io.hcp360.samples;

import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Decides which rows are made bad. It draws from its own random sequence, so the good rows are
 * the same whatever the rate, and a run with rate 0 has no bad row at all.
 */
final class Faults {
  private final double rate;
  private final SplittableRandom rng;
  private final Map<Fault, Long> made = new EnumMap<>(Fault.class);

  Faults(double rate, long seed) {
    this.rate = rate;
    this.rng = new SplittableRandom(seed ^ 0x5DEECE66DL);
  }

  /** True when the next row is to be made bad. */
  boolean strikes() {
    return rate > 0 && rng.nextDouble() < rate;
  }

  void count(Fault f) {
    made.merge(f, 1L, Long::sum);
  }

  Map<Fault, Long> made() {
    return Map.copyOf(made);
  }
}

package io.hcp360.match;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How many scored pairs fell in each bin of match weight, one unit wide: bin {@code b} holds the
 * scores in [b, b + 1). Scores beyond ±{@value #RANGE} fall in the outermost bins. Not
 * thread-safe: filled by the one thread that collects the scored chunks.
 */
public final class ScoreHistogram {
  static final int RANGE = 200;

  private final long[] counts = new long[2 * RANGE + 1];

  void add(double score) {
    int bin = (int) Math.floor(score);
    counts[Math.max(-RANGE, Math.min(RANGE, bin)) + RANGE]++;
  }

  /** The bins that hold pairs, lowest first. */
  public Map<Integer, Long> bins() {
    Map<Integer, Long> bins = new LinkedHashMap<>();
    for (int i = 0; i < counts.length; i++) {
      if (counts[i] > 0) {
        bins.put(i - RANGE, counts[i]);
      }
    }
    return Collections.unmodifiableMap(bins);
  }
}

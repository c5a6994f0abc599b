package io.hcp360.match.blocking;

import java.util.Arrays;

/**
 * Candidate pairs of record numbers, packed into longs (smaller record in the high half) so that
 * millions of them cost 8 bytes each and sort and de-duplicate in place.
 */
public final class PairList {
  private long[] pairs = new long[1 << 16];
  private int size;

  public static long pack(int a, int b) {
    int low = Math.min(a, b);
    int high = Math.max(a, b);
    return ((long) low << 32) | (high & 0xffffffffL);
  }

  public static int left(long pair) {
    return (int) (pair >>> 32);
  }

  public static int right(long pair) {
    return (int) pair;
  }

  public void add(int a, int b) {
    if (a == b) {
      return;
    }
    if (size == pairs.length) {
      pairs = Arrays.copyOf(pairs, pairs.length * 2);
    }
    pairs[size++] = pack(a, b);
  }

  public int size() {
    return size;
  }

  public long get(int i) {
    return pairs[i];
  }

  /** Sorts the pairs and removes duplicates. */
  public void distinct() {
    Arrays.parallelSort(pairs, 0, size);
    int out = 0;
    for (int i = 0; i < size; i++) {
      if (out == 0 || pairs[out - 1] != pairs[i]) {
        pairs[out++] = pairs[i];
      }
    }
    size = out;
  }

  public long[] toArray() {
    return Arrays.copyOf(pairs, size);
  }
}

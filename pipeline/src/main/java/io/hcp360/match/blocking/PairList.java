package io.hcp360.match.blocking;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.BitSet;

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

  /**
   * The records connected to the start records by these pairs (the start records included).
   *
   * @param records how many record numbers there are (at least)
   */
  public BitSet connected(int records, BitSet start) {
    PairList links = this;
    int size = Math.max(records, start.length());
    int[] degree = new int[size + 1];
    for (int i = 0; i < links.size(); i++) {
      degree[PairList.left(links.get(i)) + 1]++;
      degree[PairList.right(links.get(i)) + 1]++;
    }
    for (int r = 0; r < size; r++) {
      degree[r + 1] += degree[r];
    }
    int[] offset = Arrays.copyOf(degree, size);
    int[] neighbours = new int[degree[size]];
    for (int i = 0; i < links.size(); i++) {
      int a = PairList.left(links.get(i));
      int b = PairList.right(links.get(i));
      neighbours[offset[a]++] = b;
      neighbours[offset[b]++] = a;
    }
    BitSet seen = (BitSet) start.clone();
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    start.stream().forEach(queue::add);
    while (!queue.isEmpty()) {
      int r = queue.poll();
      for (int i = degree[r]; i < degree[r + 1]; i++) {
        int next = neighbours[i];
        if (!seen.get(next)) {
          seen.set(next);
          queue.add(next);
        }
      }
    }
    return seen;
  }

  public long[] toArray() {
    return Arrays.copyOf(pairs, size);
  }
}

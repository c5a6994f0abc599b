package io.hcp360.evaluate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The contingency table of two clusterings over the records present in both: how many records of
 * each system fall in each (predicted cluster, true cluster) cell, each predicted cluster and
 * each true cluster. Every pairwise figure is a sum of n(n - 1)/2 (or n × m across two systems)
 * over these counts, so no pair is ever enumerated, however large a cluster.
 */
final class Contingency {
  /** A cell: the records of one predicted cluster that are in one true cluster. */
  record Cell(String predicted, String truth) {}

  private final List<String> systems;
  private final Map<Cell, long[]> cells = new HashMap<>();
  private final Map<String, long[]> predicted = new HashMap<>();
  private final Map<String, long[]> truth = new HashMap<>();
  private long records;

  private Contingency(List<String> systems) {
    this.systems = systems;
  }

  static Contingency of(Clusters truth, Clusters predicted) {
    TreeSet<String> systems = new TreeSet<>();
    List<RecordKey> common = new ArrayList<>();
    for (RecordKey r : truth.records()) {
      if (predicted.contains(r)) {
        common.add(r);
        systems.add(r.system());
      }
    }
    Contingency table = new Contingency(List.copyOf(systems));
    Map<String, Integer> index = new HashMap<>();
    for (String s : systems) {
      index.put(s, index.size());
    }
    for (RecordKey r : common) {
      String p = predicted.clusterOf(r).orElseThrow();
      String t = truth.clusterOf(r).orElseThrow();
      int s = index.get(r.system());
      table.add(table.cells.computeIfAbsent(new Cell(p, t), k -> table.counts()), s);
      table.add(table.predicted.computeIfAbsent(p, k -> table.counts()), s);
      table.add(table.truth.computeIfAbsent(t, k -> table.counts()), s);
      table.records++;
    }
    return table;
  }

  private long[] counts() {
    return new long[systems.size() + 1];
  }

  private void add(long[] counts, int system) {
    counts[system]++;
    counts[systems.size()]++;
  }

  /** The systems of the common records, sorted. */
  List<String> systems() {
    return systems;
  }

  /** The number of records present in both clusterings. */
  long records() {
    return records;
  }

  /** Pairwise counts over all pairs of common records. */
  PairCounts pairs() {
    int total = systems.size();
    return PairCounts.of(sum(cells.values(), c -> Metrics.pairs(c[total])),
        sum(predicted.values(), c -> Metrics.pairs(c[total])),
        sum(truth.values(), c -> Metrics.pairs(c[total])));
  }

  /** Pairwise counts over the pairs with one record of system {@code s} and one of {@code t}. */
  PairCounts pairs(int s, int t) {
    java.util.function.ToLongFunction<long[]> pairs =
        s == t ? c -> Metrics.pairs(c[s]) : c -> c[s] * c[t];
    return PairCounts.of(sum(cells.values(), pairs), sum(predicted.values(), pairs),
        sum(truth.values(), pairs));
  }

  /**
   * B-cubed: for each record, the share of its predicted cluster that is in its true cluster
   * (precision) and the share of its true cluster that is in its predicted cluster (recall),
   * averaged over the records. A cell of n records in a predicted cluster of a and a true
   * cluster of b contributes n × n/a and n × n/b.
   */
  BCubed bCubed() {
    if (records == 0) {
      return new BCubed(1.0, 1.0);
    }
    int total = systems.size();
    double precision = 0;
    double recall = 0;
    for (Map.Entry<Cell, long[]> e : cells.entrySet()) {
      double n = e.getValue()[total];
      precision += n * n / predicted.get(e.getKey().predicted())[total];
      recall += n * n / truth.get(e.getKey().truth())[total];
    }
    return new BCubed(Math.min(1.0, precision / records), Math.min(1.0, recall / records));
  }

  private static long sum(Iterable<long[]> groups, java.util.function.ToLongFunction<long[]> f) {
    long sum = 0;
    for (long[] g : groups) {
      sum += f.applyAsLong(g);
    }
    return sum;
  }
}

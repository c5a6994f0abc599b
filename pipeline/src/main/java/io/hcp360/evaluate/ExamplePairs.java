package io.hcp360.evaluate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Examples of the errors, for tuning: false merges (two records in one predicted cluster that
 * are different people) and missed matches (one person split over two predicted clusters). At
 * most one example per cluster, so the examples show different mistakes.
 */
public final class ExamplePairs {
  private ExamplePairs() {}

  /** Up to {@code limit} pairs of records merged into one predicted cluster but not one person. */
  public static List<RecordPair> falseMerges(Clusters truth, Clusters predicted, int limit) {
    return splitWithin(predicted, truth, limit);
  }

  /** Up to {@code limit} pairs of records of one person left in different predicted clusters. */
  public static List<RecordPair> missedMatches(Clusters truth, Clusters predicted, int limit) {
    return splitWithin(truth, predicted, limit);
  }

  /**
   * Pairs in one cluster of {@code outer} but in different clusters of {@code inner}: for each
   * outer cluster split over several inner ones (in label order), the smallest record of its
   * first inner cluster with the smallest record of its second.
   */
  private static List<RecordPair> splitWithin(Clusters outer, Clusters inner, int limit) {
    if (limit < 0) {
      throw new IllegalArgumentException("limit must not be negative: " + limit);
    }
    // outer label -> inner label -> smallest record of that cell
    Map<String, Map<String, RecordKey>> cells = new TreeMap<>();
    for (RecordKey r : outer.records()) {
      inner.clusterOf(r).ifPresent(in -> cells
          .computeIfAbsent(outer.clusterOf(r).orElseThrow(), k -> new TreeMap<>())
          .merge(in, r, (a, b) -> a.compareTo(b) <= 0 ? a : b));
    }
    List<RecordPair> pairs = new ArrayList<>();
    for (Map<String, RecordKey> cluster : cells.values()) {
      if (pairs.size() >= limit) {
        break;
      }
      if (cluster.size() > 1) {
        List<RecordKey> firsts = List.copyOf(cluster.values());
        pairs.add(RecordPair.of(firsts.get(0), firsts.get(1)));
      }
    }
    return List.copyOf(pairs);
  }
}

package io.hcp360.evaluate;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A partition of party records into clusters: each record carries the label of its cluster
 * (a golden ID for the published clusters, a person ID for the truth). Immutable.
 */
public final class Clusters {
  private final Map<RecordKey, String> labels;

  private Clusters(Map<RecordKey, String> labels) {
    this.labels = labels;
  }

  /** The clusters given by each record's label; records with equal labels are one cluster. */
  public static Clusters of(Map<RecordKey, String> labels) {
    labels.forEach((key, label) -> {
      if (label == null || label.isBlank()) {
        throw new IllegalArgumentException("record " + key + " has no cluster label");
      }
    });
    return new Clusters(Map.copyOf(labels));
  }

  /** The label of a record's cluster, if the record is here. */
  public Optional<String> clusterOf(RecordKey record) {
    return Optional.ofNullable(labels.get(record));
  }

  public boolean contains(RecordKey record) {
    return labels.containsKey(record);
  }

  public Set<RecordKey> records() {
    return labels.keySet();
  }

  /** The number of records. */
  public int size() {
    return labels.size();
  }

  /** The number of distinct clusters. */
  public long clusterCount() {
    return labels.values().stream().distinct().count();
  }
}

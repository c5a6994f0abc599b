package io.hcp360.evaluate;

import java.util.Comparator;
import java.util.Objects;

/** One party record, as a source system knows it: {@code (system, source_id)}. */
public record RecordKey(String system, String sourceId) implements Comparable<RecordKey> {
  private static final Comparator<RecordKey> ORDER =
      Comparator.comparing(RecordKey::system).thenComparing(RecordKey::sourceId);

  public RecordKey {
    Objects.requireNonNull(system, "system");
    Objects.requireNonNull(sourceId, "sourceId");
    if (system.isBlank() || sourceId.isBlank()) {
      throw new IllegalArgumentException("a record needs a system and a source id");
    }
  }

  @Override
  public int compareTo(RecordKey other) {
    return ORDER.compare(this, other);
  }

  @Override
  public String toString() {
    return system + "/" + sourceId;
  }
}

package io.hcp360.evaluate;

import java.util.Objects;

/** Two distinct party records, the smaller first. */
public record RecordPair(RecordKey left, RecordKey right) {
  public RecordPair {
    Objects.requireNonNull(left, "left");
    Objects.requireNonNull(right, "right");
    if (left.compareTo(right) >= 0) {
      throw new IllegalArgumentException("a record pair is two records, the smaller first: "
          + left + ", " + right);
    }
  }

  static RecordPair of(RecordKey a, RecordKey b) {
    return a.compareTo(b) < 0 ? new RecordPair(a, b) : new RecordPair(b, a);
  }
}

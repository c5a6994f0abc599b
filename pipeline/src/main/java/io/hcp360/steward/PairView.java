package io.hcp360.steward;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A queue item side by side: both records, each comparison's level and weight, the score and
 * thresholds (in {@code item}), the golden records the pair would join (in each record view),
 * and the decision in force on the pair, if any.
 *
 * @param comparisons empty when the matcher did not score the pair in the last run
 */
public record PairView(QueueItem item, RecordView left, RecordView right,
    List<ComparisonView> comparisons, Optional<Decision> decision) {

  public PairView {
    Objects.requireNonNull(item, "item");
    Objects.requireNonNull(left, "left");
    Objects.requireNonNull(right, "right");
    comparisons = List.copyOf(comparisons);
    Objects.requireNonNull(decision, "decision");
  }

  /** Whether an approval would join two different golden records. */
  public boolean joinsGoldenRecords() {
    return left.goldenId() == null || !left.goldenId().equals(right.goldenId());
  }
}

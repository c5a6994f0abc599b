package io.hcp360.steward;

import io.hcp360.evaluate.RecordKey;
import java.time.Instant;
import java.util.Objects;

/**
 * A steward's decision on a pair of source records.
 *
 * @param comment why, as the steward wrote it (may be null)
 * @param reviewReason when flagged: why it needs review again
 * @param goldenId for an unmerge: the golden record the record was taken out of
 * @param itemId for an approval or rejection: the queue item
 */
public record Decision(long decisionId, DecisionAction action, RecordKey left, RecordKey right,
    String decidedBy, Instant decidedAt, String comment, DecisionStatus status,
    String reviewReason, String goldenId, Long itemId) {

  public Decision {
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(left, "left");
    Objects.requireNonNull(right, "right");
    Objects.requireNonNull(decidedBy, "decidedBy");
    Objects.requireNonNull(status, "status");
  }

  public boolean mustLink() {
    return action.mustLink();
  }
}

package io.hcp360.steward;

import io.hcp360.evaluate.RecordKey;
import java.util.Objects;

/**
 * One pair in the merge queue. Its ID stays the same across runs while the pair is in review.
 *
 * @param leftName a short display name of the left record ("John Smith")
 * @param market the records' country when they share one, else both ("US/DE"), or null
 * @param score the match weight in the last run that scored it; null if the matcher never did
 * @param probability the match probability for that weight; null likewise
 * @param recordsJoined published records an approval would put in one golden record (0 when
 *     both are already in the same one)
 * @param reviewReason for a re-review item: why the decision was flagged; else null
 * @param lastRunId the last run in which the pair was in the review band (or was flagged)
 */
public record QueueItem(long itemId, ItemStatus status, RecordKey left, RecordKey right,
    String leftName, String rightName, String sourcePair, String market, Double score,
    Double probability, double matchThreshold, double reviewThreshold, int recordsJoined,
    String reviewReason, long firstRunId, long lastRunId) {

  public QueueItem {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(left, "left");
    Objects.requireNonNull(right, "right");
  }
}

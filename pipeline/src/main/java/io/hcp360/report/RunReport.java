package io.hcp360.report;

import io.hcp360.gate.GateCheck;
import java.util.List;
import java.util.Objects;

/**
 * The figures of one run, as {@code report.json} holds them and {@code report.html} shows them.
 * A part the run did not reach (it failed earlier) is null or empty. Times are ISO-8601 text,
 * durations seconds.
 *
 * @param status COMPLETED, or FAILED (a quality gate's stop included), as the run ended
 * @param published whether this run's results are what analysts see now or saw after it
 * @param mode "full", or "incremental: …" with what changed (null in reports stored before)
 * @param failures why the run failed or did not publish
 * @param steps every step execution of the run, a failed attempt and its resume included
 */
public record RunReport(
    long runId,
    String job,
    String jobFile,
    String status,
    boolean published,
    String mode,
    String startedAt,
    String reportedAt,
    List<String> failures,
    List<GateCheck> gates,
    List<FileCounts> files,
    List<SourceCounts> sources,
    Totals totals,
    List<RejectReason> rejects,
    Matching matching,
    GoldenChanges goldenIds,
    List<ConsentChange> consent,
    List<ListSize> lists,
    List<StepTime> steps) {

  public RunReport {
    Objects.requireNonNull(status, "status");
    failures = List.copyOf(failures);
    gates = List.copyOf(gates);
    files = List.copyOf(files);
    sources = List.copyOf(sources);
    rejects = List.copyOf(rejects);
    consent = List.copyOf(consent);
    lists = List.copyOf(lists);
    steps = List.copyOf(steps);
  }

  /** Rows of one file: read = staged + rejected. */
  public record FileCounts(String system, String fileName, String path, long read, long staged,
      long rejected) {}

  /**
   * One source system's party records through the steps.
   *
   * @param staged party rows staged (a record sent twice counts twice)
   * @param partyRecords distinct party records after standardization
   * @param goldenHcps golden HCPs holding at least one of its records
   * @param published its records in the published cross-reference by this run
   */
  public record SourceCounts(String system, long staged, long partyRecords, long goldenHcps,
      long published) {}

  /** Counts per step; null where the run did not reach the step. */
  public record Totals(long rowsRead, long rowsStaged, long rowsRejected, Long partyRecords,
      Long clusters, Long multiRecordClusters, Long goldenRecords, Long activitiesLinked,
      Long activitiesUnlinked, Long eligibilityRows, Long publishedHcps) {}

  /** Rejects of one kind (values in quotes and numbers taken out), with a few examples. */
  public record RejectReason(String reason, long rows, List<RejectExample> examples) {}

  public record RejectExample(String system, String fileName, String path, int line,
      String reason, String raw) {}

  /**
   * The match step's pairs.
   *
   * @param marketThresholds markets with their own thresholds ("DE: match 12.0, review 6.0")
   * @param stored pairs stored in hcp.match_pair: match and review pairs only
   * @param reviewRecords party records in at least one review pair
   * @param storedHistogram the stored pairs per one-unit bin of match weight
   * @param scoredHistogram every pair the match step scored, per bin (non-matches included)
   */
  public record Matching(String ruleSet, double matchThreshold, double reviewThreshold,
      List<String> marketThresholds, long stored, long matches, long reviews, long reviewRecords, long hardRuleMatches,
      List<Bin> storedHistogram, List<Bin> scoredHistogram) {}

  /** Pairs whose match weight is in [bin, bin + 1). */
  public record Bin(int bin, long match, long review, long pairs) {}

  /**
   * Golden IDs against the publish this run replaced (or would have).
   *
   * @param retired IDs of that publish this run does not have: merged into another, or left
   *     without records
   * @param churn (new + retired) / previous, or null without a previous publish
   */
  public record GoldenChanges(Long previousRun, long previous, long current, long kept,
      long created, long split, long merged, long retired, Double churn) {}

  /** Channel eligibility against the publish this run replaced, for a channel and purpose. */
  public record ConsentChange(String channel, String purpose, long becameEligible,
      long becameIneligible, long added, long removed) {}

  /** An HCP 360 list published by this run, against the version before it. */
  public record ListSize(String brand, String market, Long previous, long current) {}

  /** One step execution. */
  public record StepTime(String step, String status, String startedAt, double seconds,
      String exitMessage) {}
}

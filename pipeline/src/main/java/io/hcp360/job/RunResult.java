package io.hcp360.job;

import io.hcp360.ingest.FileCounts;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a run did, for the summary it ends with.
 *
 * @param restarted whether this run resumed a failed one
 * @param filesKept how many of the files were unchanged since an earlier run read them (not read)
 * @param stepTimes time per step, in the order they started (steps done before a restart
 *     included)
 * @param elapsed the time the steps took together: steps that ran at once counted once, the
 *     time between a failed attempt and its resume not counted
 * @param failure the reason a failed run failed
 * @param mode "full", or "incremental: …" with what changed
 * @param report the run's HTML report, when it has one
 */
public record RunResult(
    long runId,
    String jobName,
    String status,
    boolean restarted,
    List<FileCounts> files,
    int filesKept,
    long partyRecords,
    long goldenRecords,
    Map<String, Duration> stepTimes,
    Duration elapsed,
    Optional<String> failure,
    String mode,
    Optional<Path> report) {

  public RunResult {
    Objects.requireNonNull(jobName, "jobName");
    Objects.requireNonNull(status, "status");
    files = List.copyOf(files);
    stepTimes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(stepTimes));
    Objects.requireNonNull(elapsed, "elapsed");
    Objects.requireNonNull(failure, "failure");
    Objects.requireNonNull(report, "report");
  }

  /** A step's start and end. */
  public record Span(LocalDateTime start, LocalDateTime end) {}

  /** The time covered by at least one of the spans (those that overlap counted once). */
  public static Duration elapsed(List<Span> spans) {
    List<Span> byStart = spans.stream().sorted(Comparator.comparing(Span::start)).toList();
    Duration elapsed = Duration.ZERO;
    LocalDateTime coveredTo = null;
    for (Span span : byStart) {
      LocalDateTime from = coveredTo == null || span.start().isAfter(coveredTo) ? span.start()
          : coveredTo;
      if (span.end().isAfter(from)) {
        elapsed = elapsed.plus(Duration.between(from, span.end()));
        coveredTo = span.end();
      }
    }
    return elapsed;
  }

  public boolean completed() {
    return "COMPLETED".equals(status);
  }

  public long rowsRead() {
    return files.stream().mapToLong(FileCounts::read).sum();
  }

  public long rowsStaged() {
    return files.stream().mapToLong(FileCounts::staged).sum();
  }

  public long rowsRejected() {
    return files.stream().mapToLong(FileCounts::rejected).sum();
  }
}

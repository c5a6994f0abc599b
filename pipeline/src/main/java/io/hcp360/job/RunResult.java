package io.hcp360.job;

import io.hcp360.ingest.FileCounts;
import java.time.Duration;
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
 * @param stepTimes time per step, in step order (steps done before a restart included)
 * @param failure the reason a failed run failed
 * @param mode "full", or "incremental: …" with what changed
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
    Optional<String> failure,
    String mode) {

  public RunResult {
    Objects.requireNonNull(jobName, "jobName");
    Objects.requireNonNull(status, "status");
    files = List.copyOf(files);
    stepTimes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(stepTimes));
    Objects.requireNonNull(failure, "failure");
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

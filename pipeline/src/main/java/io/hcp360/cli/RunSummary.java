package io.hcp360.cli;

import io.hcp360.ingest.FileCounts;
import io.hcp360.job.RunResult;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Map;

/** The summary a run ends with: rows per file, golden records, time per step. */
final class RunSummary {
  private final RunResult result;

  RunSummary(RunResult result) {
    this.result = result;
  }

  void print(PrintWriter out) {
    out.println();
    out.printf("Run %d of job %s: %s%s%n", result.runId(), result.jobName(), result.status(),
        result.restarted() ? " (resumed after a failure)" : "");
    result.failure().ifPresent(f -> out.println("  failed: " + f));
    out.println("  " + result.mode());
    int width = result.files().stream().mapToInt(f -> label(f).length()).max().orElse(10);
    width = Math.max(width, 10);
    out.println();
    out.printf("  %-" + width + "s %12s %12s %12s%n", "file", "read", "staged", "rejected");
    for (FileCounts f : result.files()) {
      out.printf("  %-" + width + "s %,12d %,12d %,12d%n", label(f), f.read(), f.staged(),
          f.rejected());
    }
    out.printf("  %-" + width + "s %,12d %,12d %,12d%n", "total", result.rowsRead(),
        result.rowsStaged(), result.rowsRejected());
    if (result.filesKept() > 0) {
      out.printf("  %d of these files unchanged since an earlier run read them: not read again,"
          + " their rows kept%n", result.filesKept());
    }
    if (result.rowsRejected() > 0) {
      out.printf("  rejects (file, line, reason): ./hcp360 rejects --run %d%n", result.runId());
    }
    out.println();
    out.printf("  party records  %,12d%n", result.partyRecords());
    out.printf("  golden records %,12d%n", result.goldenRecords());
    out.println();
    for (Map.Entry<String, Duration> step : result.stepTimes().entrySet()) {
      out.printf("  %-14s %10s%n", step.getKey(), seconds(step.getValue()));
    }
    // steps that ran at once counted once
    out.printf("  %-14s %10s%n", "total", seconds(result.elapsed()));
  }

  private static String label(FileCounts f) {
    return f.system() + "/" + f.fileName() + "  " + f.path();
  }

  private static String seconds(Duration d) {
    return String.format("%.1f s", d.toMillis() / 1000.0);
  }
}

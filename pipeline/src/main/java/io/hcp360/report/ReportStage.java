package io.hcp360.report;

import io.hcp360.run.RunContext;
import io.hcp360.run.Stage;
import java.util.List;

/**
 * The last step of a run: writes its report. A run that fails or that a quality gate stops
 * gets its report when it ends (the job's listener), saying why.
 */
public final class ReportStage implements Stage {
  private final RunReports reports;

  public ReportStage(RunReports reports) {
    this.reports = reports;
  }

  @Override
  public String name() {
    return "report";
  }

  @Override
  public void run(RunContext run) {
    reports.write(run.jdbi(), run.runId(), run.rules(), "COMPLETED", List.of());
  }
}

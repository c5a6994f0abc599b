package io.hcp360.report;

import io.hcp360.run.RunContext;
import io.hcp360.run.Stage;

/**
 * Gathers the run report's figures of the steps before publish while publish runs beside it:
 * publish leaves them as they are (it writes the {@code publish} tables only), and they are
 * counts over whole tables that would otherwise keep the report step a second longer. The
 * report step adds the figures of publish. A run resumed after this step finds none gathered
 * (they are kept in memory) and the report step gathers them all.
 */
public final class ReportFiguresStage implements Stage {
  private final RunReports reports;

  public ReportFiguresStage(RunReports reports) {
    this.reports = reports;
  }

  @Override
  public String name() {
    return "figures";
  }

  @Override
  public void run(RunContext run) {
    reports.gatherEarly(run.jdbi(), run.runId(), run.rules());
  }
}

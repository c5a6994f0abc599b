package io.hcp360.job;

import io.hcp360.config.JobConfig;
import io.hcp360.match.rules.RuleSet;
import io.hcp360.report.RunReports;
import io.hcp360.run.RunDao;
import io.hcp360.run.RunMode;
import java.util.List;
import java.util.Objects;
import io.hcp360.steward.AuditLog;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.JobExecutionListener;

/**
 * Keeps {@code hcp.run} in step with the Spring Batch job execution, writes every run's start
 * and end (with its status) to the audit trail, and writes the report of a run that did not
 * complete (a completed run's report is its last step).
 */
final class RunListener implements JobExecutionListener {
  private static final Logger LOG = LoggerFactory.getLogger(RunListener.class);

  private final JobConfig job;
  private final RuleSet rules;
  private final Jdbi jdbi;
  private final RunReports reports;
  private final boolean fullAsked;

  RunListener(JobConfig job, RuleSet rules, Jdbi jdbi, RunReports reports, boolean fullAsked) {
    this.job = job;
    this.rules = rules;
    this.jdbi = jdbi;
    this.reports = reports;
    this.fullAsked = fullAsked;
  }

  @Override
  public void beforeJob(JobExecution execution) {
    long runId = execution.getJobInstance().getInstanceId();
    jdbi.useExtension(RunDao.class, dao -> {
      // A restarted run keeps the mode it started in.
      String mode = dao.exists(runId) ? null
          : RunMode.incremental(jdbi, rules, fullAsked) ? "incremental" : "full";
      dao.started(runId, job.name(), job.file().toString(), mode == null ? "full" : mode);
    });
    AuditLog.runStarted(jdbi, runId, job.name(), job.file().toString());
  }

  @Override
  public void afterJob(JobExecution execution) {
    long runId = execution.getJobInstance().getInstanceId();
    jdbi.useExtension(RunDao.class, dao -> dao.finished(runId, execution.getStatus().name()));
    AuditLog.runFinished(jdbi, runId, job.name(), execution.getStatus().name());
    if (execution.getStatus() != BatchStatus.COMPLETED) {
      List<String> failures = execution.getAllFailureExceptions().stream()
          .map(t -> Objects.requireNonNullElse(t.getMessage(), t.getClass().getSimpleName()))
          .distinct().toList();
      try {
        reports.write(jdbi, runId, rules, execution.getStatus().name(), failures);
      } catch (RuntimeException e) {
        LOG.warn("could not write the report of run {}: {}", runId, e.getMessage(), e);
      }
    }
  }
}

package io.hcp360.job;

import io.hcp360.config.JobConfig;
import io.hcp360.run.RunDao;
import io.hcp360.steward.AuditLog;
import org.jdbi.v3.core.Jdbi;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.JobExecutionListener;

/**
 * Keeps {@code hcp.run} in step with the Spring Batch job execution, and writes every run's start
 * and end (with its status) to the audit trail.
 */
final class RunListener implements JobExecutionListener {
  private final JobConfig job;
  private final Jdbi jdbi;

  RunListener(JobConfig job, Jdbi jdbi) {
    this.job = job;
    this.jdbi = jdbi;
  }

  @Override
  public void beforeJob(JobExecution execution) {
    long runId = execution.getJobInstance().getInstanceId();
    jdbi.useExtension(RunDao.class, dao -> dao.started(runId, job.name(), job.file().toString()));
    AuditLog.runStarted(jdbi, runId, job.name(), job.file().toString());
  }

  @Override
  public void afterJob(JobExecution execution) {
    long runId = execution.getJobInstance().getInstanceId();
    jdbi.useExtension(RunDao.class, dao -> {
      dao.finished(runId, execution.getStatus().name());
      if (execution.getStatus() == BatchStatus.COMPLETED) {
        dao.dropStagingBefore(runId);
      }
    });
    AuditLog.runFinished(jdbi, runId, job.name(), execution.getStatus().name());
  }
}

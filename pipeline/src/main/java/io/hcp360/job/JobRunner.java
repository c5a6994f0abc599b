package io.hcp360.job;

import io.hcp360.Hcp360Exception;
import io.hcp360.config.JobConfig;
import io.hcp360.db.Database;
import io.hcp360.gate.QualityGates;
import io.hcp360.match.rules.RuleSet;
import io.hcp360.report.RunReport;
import io.hcp360.report.RunReports;
import io.hcp360.run.RunDao;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.JobInstance;
import org.springframework.batch.core.JobParameters;
import org.springframework.batch.core.JobParametersBuilder;
import org.springframework.batch.core.StepExecution;

/**
 * Runs a job file's job: resumes the last run of that job if it failed (or its process died),
 * otherwise starts a new one; one process at a time per job, guarded by a PostgreSQL advisory
 * lock held for the whole run.
 */
public final class JobRunner {
  private static final Logger LOG = LoggerFactory.getLogger(JobRunner.class);

  private final Database database;

  public JobRunner(Database database) {
    this.database = database;
  }

  /**
   * Runs the job.
   *
   * @param fresh abandon a failed run instead of resuming it
   */
  public RunResult run(JobConfig config, RuleSet rules, boolean fresh) {
    return run(config, rules, fresh, false);
  }

  /**
   * Runs the job. A last run that a quality gate stopped is not resumed (a new run starts)
   * unless {@code acceptGates}: then it is resumed and publishes.
   *
   * @param fresh abandon a failed run instead of resuming it
   * @param acceptGates publish even when a quality gate is over its limit
   */
  public RunResult run(JobConfig config, RuleSet rules, boolean fresh, boolean acceptGates) {
    return run(config, rules, fresh, acceptGates, false);
  }

  /**
   * Runs the job. A new run is incremental (it processes what changed since the last run)
   * unless {@code full}, or unless it cannot be ({@link io.hcp360.run.RunMode}); a resumed run
   * keeps its mode.
   *
   * @param fresh abandon a failed run instead of resuming it
   * @param acceptGates publish even when a quality gate is over its limit
   * @param full rebuild everything
   */
  public RunResult run(JobConfig config, RuleSet rules, boolean fresh, boolean acceptGates,
      boolean full) {
    BatchInfrastructure batch = BatchInfrastructure.create(database.dataSource());
    try (Handle lock = database.jdbi().open()) {
      boolean locked = lock.attach(JobLockDao.class).tryLock("hcp360-job:" + config.name());
      if (!locked) {
        throw new Hcp360Exception("job '" + config.name()
            + "' is already running in another process; wait for it to finish");
      }
      try {
        return runLocked(config, rules, fresh, acceptGates, full, batch);
      } finally {
        // The connection goes back to the pool, not closed: a lock left on it would refuse the
        // next run of this process that draws another connection.
        lock.attach(JobLockDao.class).unlock("hcp360-job:" + config.name());
      }
    } catch (Hcp360Exception e) {
      throw e;
    } catch (Exception e) {
      throw new Hcp360Exception("could not run job '" + config.name() + "': " + e.getMessage(), e);
    }
  }

  private RunResult runLocked(JobConfig config, RuleSet rules, boolean fresh,
      boolean acceptGates, boolean full, BatchInfrastructure batch) throws Exception {
    Job job = NightlyJob.build(config, rules, database.jdbi(), batch, acceptGates,
        new RunReports(database.home()), full);
    Optional<JobExecution> unfinished = unfinished(batch, config.name());
    JobParameters parameters;
    boolean restarted = false;
    boolean stoppedByGate = unfinished.isPresent() && QualityGates.stopped(database.jdbi(),
        unfinished.get().getJobInstance().getInstanceId());
    if (stoppedByGate && !acceptGates && !fresh) {
      LOG.info("run {} of job {} did not publish: a quality gate stopped it. Starting a new"
          + " run (./hcp360 run --accept-gates would have published it as it was)",
          unfinished.get().getJobInstance().getInstanceId(), config.name());
    }
    if (unfinished.isPresent() && !fresh && (acceptGates || !stoppedByGate)) {
      JobExecution previous = unfinished.get();
      LOG.info("resuming run {} of job {}, which ended {} at step {}",
          previous.getJobInstance().getInstanceId(), config.name(), previous.getStatus(),
          failedStep(previous).orElse("?"));
      parameters = previous.getJobParameters();
      restarted = true;
    } else {
      unfinished.ifPresent(previous -> abandon(batch, previous));
      parameters = new JobParametersBuilder()
          .addLong("run.started", System.currentTimeMillis())
          .addString("job.file", config.file().toString(), false)
          .toJobParameters();
    }
    JobExecution execution = batch.launcher().run(job, parameters);
    return result(batch, execution, restarted);
  }

  /** The last execution of the job if it did not complete; a dead one is marked FAILED. */
  private Optional<JobExecution> unfinished(BatchInfrastructure batch, String jobName) {
    JobInstance instance = batch.explorer().getLastJobInstance(jobName);
    if (instance == null) {
      return Optional.empty();
    }
    JobExecution last = batch.explorer().getLastJobExecution(instance);
    if (last == null) {
      return Optional.empty();
    }
    BatchStatus status = last.getStatus();
    if (status.isRunning()) {
      // We hold the job's lock, so the process that ran it is gone: it crashed or was killed.
      LOG.info("run {} of job {} was interrupted (its process died); marking it failed",
          instance.getInstanceId(), jobName);
      markFailed(batch, last, "the process running it died");
      return Optional.of(batch.explorer().getJobExecution(last.getId()));
    }
    return status == BatchStatus.FAILED || status == BatchStatus.STOPPED
        ? Optional.of(last) : Optional.empty();
  }

  private static void markFailed(BatchInfrastructure batch, JobExecution execution, String why) {
    LocalDateTime now = LocalDateTime.now();
    for (StepExecution step : execution.getStepExecutions()) {
      if (step.getStatus().isRunning()) {
        step.setStatus(BatchStatus.FAILED);
        step.setExitStatus(ExitStatus.FAILED.addExitDescription(why));
        step.setEndTime(now);
        batch.repository().update(step);
      }
    }
    execution.setStatus(BatchStatus.FAILED);
    execution.setExitStatus(ExitStatus.FAILED.addExitDescription(why));
    execution.setEndTime(now);
    batch.repository().update(execution);
  }

  private static void abandon(BatchInfrastructure batch, JobExecution execution) {
    LOG.info("abandoning run {}", execution.getJobInstance().getInstanceId());
    execution.setStatus(BatchStatus.ABANDONED);
    batch.repository().update(execution);
  }

  private static Optional<String> failedStep(JobExecution execution) {
    return execution.getStepExecutions().stream()
        .filter(s -> s.getStatus() != BatchStatus.COMPLETED)
        .map(StepExecution::getStepName)
        .findFirst();
  }

  private RunResult result(BatchInfrastructure batch, JobExecution execution, boolean restarted) {
    long runId = execution.getJobInstance().getInstanceId();
    Map<String, Duration> times = new LinkedHashMap<>();
    List<JobExecution> all = batch.explorer().getJobExecutions(execution.getJobInstance());
    List<StepExecution> steps = all.stream()
        .flatMap(e -> e.getStepExecutions().stream())
        .filter(s -> s.getStatus() == BatchStatus.COMPLETED && s.getStartTime() != null
            && s.getEndTime() != null)
        .sorted(Comparator.comparing(StepExecution::getStartTime))
        .toList();
    for (StepExecution step : steps) {
      times.put(step.getStepName(), Duration.between(step.getStartTime(), step.getEndTime()));
    }
    Duration elapsed = RunResult.elapsed(steps.stream()
        .map(s -> new RunResult.Span(s.getStartTime(), s.getEndTime())).toList());
    Optional<String> failure = execution.getAllFailureExceptions().stream()
        .map(JobRunner::message).findFirst();
    Optional<RunReports.Stored> report = RunReports.find(database.jdbi(), Optional.of(runId));
    // A completed run's last step, the report, counted its records: counting them again here,
    // after it, took 0.6 s at 1,000,000 records (two whole tables read).
    Optional<RunReport.Totals> reported = execution.getStatus() == BatchStatus.COMPLETED
        ? report.map(s -> s.report().totals()) : Optional.empty();
    return database.jdbi().withExtension(RunDao.class, dao -> new RunResult(runId,
        execution.getJobInstance().getJobName(), execution.getStatus().name(), restarted,
        dao.fileCounts(runId), dao.filesKept(runId),
        reported.map(RunReport.Totals::partyRecords).orElseGet(dao::partyRecords),
        reported.map(RunReport.Totals::goldenRecords).orElseGet(dao::goldenRecords), times,
        elapsed, failure, dao.mode(runId), report.map(RunReports.Stored::html)));
  }

  private static String message(Throwable t) {
    List<String> messages = new java.util.ArrayList<>();
    for (Throwable c = t; c != null && messages.size() < 3; c = c.getCause()) {
      if (c.getMessage() != null && !messages.contains(c.getMessage())) {
        messages.add(c.getMessage());
      }
    }
    return messages.isEmpty() ? t.getClass().getSimpleName()
        : messages.stream().collect(Collectors.joining(": "));
  }
}

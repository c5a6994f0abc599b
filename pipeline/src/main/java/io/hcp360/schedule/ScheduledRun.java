package io.hcp360.schedule;

import io.hcp360.Hcp360Exception;
import io.hcp360.config.JobConfig;
import io.hcp360.config.JobConfigLoader;
import io.hcp360.consent.MarketRulesLoader;
import io.hcp360.db.Database;
import io.hcp360.job.JobRunner;
import io.hcp360.job.RunResult;
import io.hcp360.match.rules.RuleSet;
import io.hcp360.match.rules.RuleSetLoader;
import java.nio.file.Path;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a firing does: {@code hcp360 run --job FILE}, with the same {@link JobRunner} (it resumes
 * the job's last run if that failed). Quartz never runs one job twice at once in the cluster;
 * the job's advisory lock also keeps out a manual {@code hcp360 run} of it.
 */
@DisallowConcurrentExecution
public final class ScheduledRun implements Job {
  /** The job data key of the job file's path. */
  public static final String JOB_FILE = "job.file";
  /** The scheduler context key of the {@link Database}. */
  static final String DATABASE = "hcp360.database";

  private static final Logger LOG = LoggerFactory.getLogger(ScheduledRun.class);

  public ScheduledRun() {}

  @Override
  public void execute(JobExecutionContext context) throws JobExecutionException {
    Path file = Path.of(context.getMergedJobDataMap().getString(JOB_FILE));
    LOG.info("schedule: job {} fired ({}, due {}{})", context.getJobDetail().getKey().getName(),
        file, context.getScheduledFireTime().toInstant(),
        context.isRecovering() ? ", recovered from a scheduler that died" : "");
    try {
      Database database = (Database) context.getScheduler().getContext().get(DATABASE);
      JobConfig config = JobConfigLoader.load(file);
      RuleSet rules = RuleSetLoader.load(config.rules());
      MarketRulesLoader.load(MarketRulesLoader.folderOf(config.file()));
      RunResult result = new JobRunner(database).run(config, rules, false);
      LOG.info("schedule: run {} of job {} {}{}", result.runId(), result.jobName(),
          result.status(), result.failure().map(f -> ": " + f).orElse(""));
    } catch (Hcp360Exception e) {
      LOG.error("schedule: job {} did not run: {}", file, e.getMessage(), e);
      throw new JobExecutionException(e.getMessage(), e, false);
    } catch (SchedulerException e) {
      throw new JobExecutionException(e, false);
    }
  }
}

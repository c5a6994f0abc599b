package io.hcp360.schedule;

import io.hcp360.db.Database;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.SchedulerException;

/** A job that records each of its firings (which scheduler, the time it was due) in a table. */
@DisallowConcurrentExecution
public final class CountingJob implements Job {
  static final String CREATE_TABLE = """
      create table hcp.test_firing (
        job text not null, scheduler text not null, scheduled_at timestamptz not null,
        fired_at timestamptz not null default clock_timestamp(), fire_id text not null)""";

  public CountingJob() {}

  @Override
  public void execute(JobExecutionContext context) throws JobExecutionException {
    try {
      Database db = (Database) context.getScheduler().getContext().get(ScheduledRun.DATABASE);
      String scheduler = context.getScheduler().getSchedulerInstanceId();
      db.jdbi().useHandle(h -> h.createUpdate("""
              insert into hcp.test_firing (job, scheduler, scheduled_at, fire_id)
              values (:job, :scheduler, :scheduledAt, :fireId)""")
          .bind("job", context.getJobDetail().getKey().getName())
          .bind("scheduler", scheduler)
          .bind("scheduledAt", context.getScheduledFireTime().toInstant())
          .bind("fireId", context.getFireInstanceId())
          .execute());
    } catch (SchedulerException e) {
      throw new JobExecutionException(e);
    }
  }
}

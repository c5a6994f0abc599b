package io.hcp360.schedule;

import io.hcp360.Hcp360Exception;
import io.hcp360.config.JobConfig;
import io.hcp360.config.Schedule;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TimeZone;
import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.matchers.GroupMatcher;

/**
 * Keeps the Quartz store in line with the job files: one job and one cron trigger per job file
 * with a schedule, keyed by the job's name. A trigger whose schedule is unchanged is left as it
 * is, so a firing missed while no scheduler was up still counts as missed (and follows the
 * job's misfire policy); a changed one is replaced; jobs whose file is gone, or has no schedule
 * any more, are removed.
 */
public final class JobSchedules {
  /** The Quartz group of hcp360's jobs and triggers. */
  public static final String GROUP = "hcp360";

  private JobSchedules() {}

  /** What a sync did, by job name. */
  public record Changes(List<String> added, List<String> updated, List<String> unchanged,
      List<String> removed) {}

  public static Changes sync(Scheduler scheduler, List<JobConfig> jobs) {
    List<String> added = new ArrayList<>();
    List<String> updated = new ArrayList<>();
    List<String> unchanged = new ArrayList<>();
    List<String> removed = new ArrayList<>();
    try {
      Set<JobKey> wanted = new HashSet<>();
      for (JobConfig job : jobs) {
        if (job.schedule().isEmpty()) {
          continue;
        }
        JobDetail detail = detail(job);
        Trigger trigger = trigger(job.name(), job.schedule().get());
        wanted.add(detail.getKey());
        Trigger existing = scheduler.getTrigger(trigger.getKey());
        JobDetail existingDetail = scheduler.getJobDetail(detail.getKey());
        if (existing != null && existingDetail != null && same(existing, trigger)
            && job.file().toString().equals(existingDetail.getJobDataMap().getString(
                ScheduledRun.JOB_FILE))) {
          unchanged.add(job.name());
          continue;
        }
        scheduler.scheduleJob(detail, Set.of(trigger), true);
        (existing == null ? added : updated).add(job.name());
      }
      for (JobKey key : scheduler.getJobKeys(GroupMatcher.jobGroupEquals(GROUP))) {
        if (!wanted.contains(key)) {
          scheduler.deleteJob(key);
          removed.add(key.getName());
        }
      }
      return new Changes(added, updated, unchanged, removed);
    } catch (SchedulerException e) {
      throw new Hcp360Exception("could not register the job schedules: " + e.getMessage(), e);
    }
  }

  /**
   * A registered job as the store has it.
   *
   * @param nextFires the next few fire times (none when the trigger is done or paused)
   */
  public record Entry(String job, String file, String cron, String timeZone, String misfire,
      String state, Optional<Instant> previousFire, List<Instant> nextFires) {}

  /** The registered jobs, by name, with their next {@code count} fire times. */
  public static List<Entry> list(Scheduler scheduler, int count) {
    try {
      List<Entry> entries = new ArrayList<>();
      List<JobKey> keys = new ArrayList<>(scheduler.getJobKeys(GroupMatcher.jobGroupEquals(GROUP)));
      keys.sort(Comparator.comparing(JobKey::getName));
      for (JobKey key : keys) {
        JobDetail detail = scheduler.getJobDetail(key);
        for (Trigger trigger : scheduler.getTriggersOfJob(key)) {
          List<Instant> next = new ArrayList<>();
          for (Date d = trigger.getNextFireTime(); d != null && next.size() < count;
              d = trigger.getFireTimeAfter(d)) {
            next.add(d.toInstant());
          }
          CronTrigger cron = (CronTrigger) trigger;
          entries.add(new Entry(key.getName(),
              detail.getJobDataMap().getString(ScheduledRun.JOB_FILE), cron.getCronExpression(),
              cron.getTimeZone().getID(),
              cron.getMisfireInstruction() == CronTrigger.MISFIRE_INSTRUCTION_DO_NOTHING
                  ? Schedule.Misfire.SKIP.key() : Schedule.Misfire.RUN_ONCE.key(),
              scheduler.getTriggerState(trigger.getKey()).name(),
              Optional.ofNullable(trigger.getPreviousFireTime()).map(Date::toInstant), next));
        }
      }
      return entries;
    } catch (SchedulerException e) {
      throw new Hcp360Exception("could not read the job schedules: " + e.getMessage(), e);
    }
  }

  /** The job of a job file; recovered (run again) when the scheduler running it dies. */
  static JobDetail detail(JobConfig job) {
    return JobBuilder.newJob(ScheduledRun.class)
        .withIdentity(job.name(), GROUP)
        .withDescription("hcp360 run --job " + job.file())
        .usingJobData(ScheduledRun.JOB_FILE, job.file().toString())
        .requestRecovery(true)
        .storeDurably(false)
        .build();
  }

  /** The cron trigger of a schedule, with its time zone and misfire policy. */
  public static CronTrigger trigger(String jobName, Schedule schedule) {
    CronScheduleBuilder cron = CronScheduleBuilder.cronSchedule(schedule.cron())
        .inTimeZone(TimeZone.getTimeZone(schedule.timeZone()));
    cron = switch (schedule.misfire()) {
      case RUN_ONCE -> cron.withMisfireHandlingInstructionFireAndProceed();
      case SKIP -> cron.withMisfireHandlingInstructionDoNothing();
    };
    return TriggerBuilder.newTrigger()
        .withIdentity(TriggerKey.triggerKey(jobName, GROUP))
        .forJob(jobName, GROUP)
        .withSchedule(cron)
        .build();
  }

  private static boolean same(Trigger existing, Trigger wanted) {
    return existing instanceof CronTrigger a && wanted instanceof CronTrigger b
        && a.getCronExpression().equals(b.getCronExpression())
        && a.getTimeZone().getID().equals(b.getTimeZone().getID())
        && a.getMisfireInstruction() == b.getMisfireInstruction();
  }
}

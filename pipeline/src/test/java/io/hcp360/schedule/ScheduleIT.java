package io.hcp360.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.hcp360.config.JobConfig;
import io.hcp360.config.JobConfigLoader;
import io.hcp360.config.Schedule;
import io.hcp360.db.Database;
import io.hcp360.testing.Fixtures;
import io.hcp360.testing.Sql;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quartz.CronTrigger;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerKey;
import org.quartz.listeners.JobListenerSupport;

class ScheduleIT {
  private static final Schedule EVERY_TWO_SECONDS =
      new Schedule("0/2 * * * * ?", ZoneOffset.UTC, Schedule.Misfire.RUN_ONCE);

  @TempDir Path dir;

  private final List<Scheduler> schedulers = new java.util.ArrayList<>();
  private final List<Database> databases = new java.util.ArrayList<>();

  @AfterEach
  void stop() throws SchedulerException {
    for (Scheduler s : schedulers) {
      s.shutdown(true);
    }
    databases.forEach(Database::close);
  }

  @Test
  void twoSchedulersOnOneDatabaseFireEachFiringOnceAndOneGoesOnWhenTheOtherStops()
      throws Exception {
    Database db = database();
    db.jdbi().useHandle(h -> h.execute(CountingJob.CREATE_TABLE));
    Scheduler a = scheduler(db, "member-a");
    Scheduler b = scheduler(db, "member-b");
    a.scheduleJob(countingJob("count"), JobSchedules.trigger("count", EVERY_TWO_SECONDS));
    a.start();
    b.start();

    await(Duration.ofSeconds(15), () -> firings(db.jdbi()) >= 4);
    a.shutdown(true);
    Instant aStopped = Instant.now();
    long beforeStop = firings(db.jdbi());
    await(Duration.ofSeconds(12), () -> firings(db.jdbi()) >= beforeStop + 3);
    b.shutdown(true);

    Jdbi jdbi = db.jdbi();
    assertThat(Sql.count(jdbi, "select count(*) from hcp.test_firing"))
        .as("each due time fired once, by one member")
        .isEqualTo(Sql.count(jdbi, "select count(distinct scheduled_at) from hcp.test_firing"));
    assertThat(Sql.strings(jdbi, """
        select extract(epoch from scheduled_at - lag(scheduled_at) over (order by scheduled_at))
          ::int::text from hcp.test_firing offset 1"""))
        .as("no firing missed: one every two seconds").containsOnly("2");
    assertThat(Sql.strings(jdbi, "select distinct scheduler from hcp.test_firing"
        + " where fired_at > '" + aStopped + "'"))
        .as("after member a stopped, member b fires").containsExactly("member-b");
  }

  @Test
  void aMissedFiringRunsOnceUnderRunOnceAndNotAtAllUnderSkip() throws Exception {
    Database db = database();
    db.jdbi().useHandle(h -> h.execute(CountingJob.CREATE_TABLE));
    Scheduler scheduler = scheduler(db, "member-a");
    // Due every day at an hour far from now; the trigger starts three days ago, so while no
    // scheduler ran, three firings were missed.
    int hour = (Instant.now().atZone(ZoneOffset.UTC).getHour() + 12) % 24;
    Date threeDaysAgo = Date.from(Instant.now().minus(3, ChronoUnit.DAYS));
    for (Schedule.Misfire misfire : Schedule.Misfire.values()) {
      String job = "missed-" + misfire.key();
      Schedule daily = new Schedule("0 0 " + hour + " * * ?", ZoneOffset.UTC, misfire);
      Trigger trigger = JobSchedules.trigger(job, daily).getTriggerBuilder()
          .startAt(threeDaysAgo).build();
      scheduler.scheduleJob(countingJob(job), trigger);
    }
    scheduler.start();
    await(Duration.ofSeconds(10), () -> firings(db.jdbi()) >= 1);
    Thread.sleep(3_000);

    assertThat(Sql.strings(db.jdbi(), "select job from hcp.test_firing"))
        .containsExactly("missed-run_once");
    CronTrigger skipped = (CronTrigger) scheduler.getTrigger(
        TriggerKey.triggerKey("missed-skip", JobSchedules.GROUP));
    assertThat(skipped.getNextFireTime()).isAfter(new Date());
  }

  @Test
  void registersUpdatesAndRemovesTheTriggersOfJobFiles() throws Exception {
    Database db = database();
    Scheduler scheduler = scheduler(db, "member-a");
    JobConfig nightly = job("nightly", new Schedule("0 0 2 * * ?",
        ZoneId.of("Europe/Berlin"), Schedule.Misfire.RUN_ONCE));
    JobConfig weekly = job("weekly", new Schedule("0 0 6 ? * SUN", ZoneOffset.UTC,
        Schedule.Misfire.SKIP));
    JobConfig adhoc = new JobConfig(dir.resolve("adhoc.yaml"), "adhoc", List.of(),
        dir.resolve("rules.yaml"), List.of());

    JobSchedules.Changes first = JobSchedules.sync(scheduler, List.of(nightly, weekly, adhoc));
    assertThat(first.added()).containsExactly("nightly", "weekly");
    List<JobSchedules.Entry> entries = JobSchedules.list(scheduler, 3);
    assertThat(entries).extracting(JobSchedules.Entry::job).containsExactly("nightly", "weekly");
    JobSchedules.Entry berlin = entries.get(0);
    assertThat(berlin.timeZone()).isEqualTo("Europe/Berlin");
    assertThat(berlin.misfire()).isEqualTo("run_once");
    assertThat(berlin.nextFires()).hasSize(3).allSatisfy(t ->
        assertThat(t.atZone(ZoneId.of("Europe/Berlin")).getHour()).isEqualTo(2));
    assertThat(entries.get(1).misfire()).isEqualTo("skip");

    JobSchedules.Changes again = JobSchedules.sync(scheduler, List.of(nightly, weekly));
    assertThat(again.unchanged()).containsExactly("nightly", "weekly");
    assertThat(JobSchedules.list(scheduler, 3)).isEqualTo(entries);

    JobConfig earlier = job("nightly", new Schedule("0 30 1 * * ?", ZoneId.of("Europe/Berlin"),
        Schedule.Misfire.SKIP));
    JobSchedules.Changes changed = JobSchedules.sync(scheduler, List.of(earlier));
    assertThat(changed.updated()).containsExactly("nightly");
    assertThat(changed.removed()).containsExactly("weekly");
    assertThat(JobSchedules.list(scheduler, 1)).singleElement().satisfies(e -> {
      assertThat(e.cron()).isEqualTo("0 30 1 * * ?");
      assertThat(e.misfire()).isEqualTo("skip");
    });
  }

  @Test
  void aFiringRunsTheJobAndTheSameJobNeverRunsTwiceAtOnce() throws Exception {
    Path folder = Fixtures.copy("basic", dir.resolve("basic"));
    Path jobFile = folder.resolve("job.yaml");
    Files.writeString(jobFile, Files.readString(jobFile)
        + "schedule: {cron: \"* * * * * ?\", time_zone: UTC}\n");
    Database db = database();
    Scheduler a = scheduler(db, "member-a", 2);
    Scheduler b = scheduler(db, "member-b", 2);
    List<String> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
    List<String> executions = new java.util.concurrent.CopyOnWriteArrayList<>();
    for (Scheduler s : List.of(a, b)) {
      s.getListenerManager().addJobListener(new JobListenerSupport() {
        @Override
        public String getName() {
          return "failures";
        }

        @Override
        public void jobWasExecuted(JobExecutionContext context, JobExecutionException e) {
          executions.add(context.getFireInstanceId());
          if (e != null) {
            failures.add(e.getMessage());
          }
        }
      });
    }
    JobSchedules.sync(a, JobFiles.load(folder));
    a.start();
    b.start();
    await(Duration.ofSeconds(60), () -> Sql.count(db.jdbi(),
        "select count(*) from hcp.run where status = 'COMPLETED'") >= 3);
    a.shutdown(true);
    b.shutdown(true);

    assertThat(Sql.count(db.jdbi(), "select count(*) from publish.hcp_xref")).isPositive();
    assertThat(failures).as("no firing found the job already running").isEmpty();
    assertThat((long) executions.size()).as("every firing made one run")
        .isEqualTo(Sql.count(db.jdbi(), "select count(*) from hcp.run"));
    assertThat(Sql.count(db.jdbi(), """
        select count(*) from hcp.run a join hcp.run b on a.run_id < b.run_id
        where b.started_at < a.finished_at"""))
        .as("runs fired every second, by two schedulers of two threads, never overlap").isZero();
  }

  private Database database() {
    Database db = io.hcp360.testing.TestPostgres.freshDatabase();
    databases.add(db);
    return db;
  }

  private Scheduler scheduler(Database db, String id) {
    return scheduler(db, id, 1);
  }

  private Scheduler scheduler(Database db, String id, int threads) {
    Scheduler scheduler = Schedulers.create(db, new Schedulers.Settings(id, threads,
        Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1)));
    schedulers.add(scheduler);
    return scheduler;
  }

  private JobConfig job(String name, Schedule schedule) {
    return new JobConfig(dir.resolve(name + ".yaml"), name, List.of(), dir.resolve("rules.yaml"),
        List.of(), Optional.of(schedule));
  }

  private static JobDetail countingJob(String name) {
    return JobBuilder.newJob(CountingJob.class).withIdentity(name, JobSchedules.GROUP).build();
  }

  private static long firings(Jdbi jdbi) {
    return Sql.count(jdbi, "select count(*) from hcp.test_firing");
  }

  private static void await(Duration timeout, BooleanSupplier condition)
      throws InterruptedException {
    Instant end = Instant.now().plus(timeout);
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(end)) {
        throw new AssertionError("not reached within " + timeout);
      }
      Thread.sleep(200);
    }
  }

}

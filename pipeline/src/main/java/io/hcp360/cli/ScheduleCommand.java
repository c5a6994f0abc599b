package io.hcp360.cli;

import io.hcp360.Hcp360Exception;
import io.hcp360.config.JobConfig;
import io.hcp360.db.Database;
import io.hcp360.schedule.ClusterDao;
import io.hcp360.schedule.JobFiles;
import io.hcp360.schedule.JobSchedules;
import io.hcp360.schedule.Schedulers;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "schedule", mixinStandardHelpOptions = true,
    description = {
        "Run the job files' schedules until Ctrl-C (or SIGTERM): a Quartz scheduler whose"
            + " triggers live in the database. Each job file in --jobs with a 'schedule:'"
            + " (cron, time_zone, misfire) gets one trigger; at start, changed schedules are"
            + " updated and those of job files that are gone are removed. A firing runs the job"
            + " as 'hcp360 run' does (resuming its last run if that failed).",
        "Start it on several machines against one database (--db-url) and they share the"
            + " work: every firing runs once, a job never runs twice at once, and when one"
            + " scheduler dies another takes over its triggers and resumes its run.",
        "--list registers the schedules, prints the next fire times and exits."})
final class ScheduleCommand implements Callable<Integer> {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z");
  private static final String DEFAULT_JOBS = "jobs";

  @Mixin DatabaseOptions database;

  @Option(names = "--jobs", paramLabel = "DIR", defaultValue = DEFAULT_JOBS,
      description = "Folder of the job files (its *.yaml; default ${DEFAULT-VALUE}).")
  Path jobs;

  @Option(names = "--list",
      description = "Register the schedules, print each job's next fire times and exit.")
  boolean list;

  @Option(names = "--threads", defaultValue = "2",
      description = "Runs of different jobs this scheduler may run at once (default"
          + " ${DEFAULT-VALUE}).")
  int threads;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    List<JobConfig> configs = JobFiles.load(folder());
    PrintWriter out = spec.commandLine().getOut();
    Schedulers.Settings defaults = Schedulers.Settings.defaults();
    Schedulers.Settings settings = new Schedulers.Settings(defaults.instanceId(), threads,
        defaults.checkinInterval(), defaults.misfireThreshold(), defaults.idleWait());
    try (Database db = Database.open(database.settings(0))) {
      Scheduler scheduler = Schedulers.create(db, settings);
      try {
        JobSchedules.Changes changes = JobSchedules.sync(scheduler, configs);
        print(out, db, scheduler, configs, changes);
        if (list) {
          return 0;
        }
        return runUntilStopped(out, scheduler);
      } finally {
        shutdown(scheduler);
      }
    }
  }

  private int runUntilStopped(PrintWriter out, Scheduler scheduler) throws InterruptedException {
    CountDownLatch stop = new CountDownLatch(1);
    CountDownLatch stopped = new CountDownLatch(1);
    Thread hook = new Thread(() -> {
      stop.countDown();
      try {
        stopped.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "hcp360-schedule-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      scheduler.start();
    } catch (SchedulerException e) {
      throw new Hcp360Exception("could not start the scheduler: " + e.getMessage(), e);
    }
    out.println("scheduler " + instanceId(scheduler) + " started; Ctrl-C to stop.");
    out.flush();
    try {
      stop.await();
      out.println("scheduler stopping (a run in progress is resumed by the next firing, or"
          + " taken over by another scheduler)");
      out.flush();
      shutdown(scheduler);
      return 0;
    } finally {
      stopped.countDown();
    }
  }

  private void print(PrintWriter out, Database db, Scheduler scheduler, List<JobConfig> configs,
      JobSchedules.Changes changes) {
    out.println("hcp360 schedule: job files in " + folder() + ", store " + db.description());
    for (JobConfig config : configs) {
      if (config.schedule().isEmpty()) {
        out.println("  " + config.name() + " (" + config.file().getFileName()
            + "): no schedule: runs only with 'hcp360 run'");
      }
    }
    if (!changes.added().isEmpty() || !changes.updated().isEmpty()
        || !changes.removed().isEmpty()) {
      out.println("  registered: " + names(changes.added()) + "; updated: "
          + names(changes.updated()) + "; removed: " + names(changes.removed()));
    }
    for (JobSchedules.Entry e : JobSchedules.list(scheduler, 3)) {
      ZoneId zone = ZoneId.of(e.timeZone());
      out.printf("  %s: cron \"%s\" in %s, misfire %s, %s%n", e.job(), e.cron(), e.timeZone(),
          e.misfire(), e.state().toLowerCase());
      out.println("    file: " + e.file());
      out.println("    next: " + (e.nextFires().isEmpty() ? "never" : e.nextFires().stream()
          .map(t -> TIME.format(t.atZone(zone))).collect(Collectors.joining(", "))));
      e.previousFire().ifPresent(p -> out.println("    last fired: "
          + TIME.format(p.atZone(zone))));
    }
    List<ClusterDao.Member> members = db.jdbi().withExtension(ClusterDao.class,
        ClusterDao::members);
    if (!members.isEmpty()) {
      out.println("  schedulers that checked in: " + members.stream()
          .map(m -> m.instanceName() + " at " + TIME.format(m.lastCheckin()
              .atZone(ZoneId.systemDefault())))
          .collect(Collectors.joining(", ")));
    }
    out.flush();
  }

  private static String names(List<String> names) {
    return names.isEmpty() ? "-" : String.join(", ", names);
  }

  /** The job folder; the default one is looked up in the working folder, then the install. */
  private Path folder() {
    if (Files.isDirectory(jobs) || !jobs.equals(Path.of(DEFAULT_JOBS))) {
      return jobs;
    }
    String home = System.getProperty("hcp360.home");
    return home == null ? jobs : Path.of(home).resolve(DEFAULT_JOBS);
  }

  private static String instanceId(Scheduler scheduler) {
    try {
      return scheduler.getSchedulerInstanceId();
    } catch (SchedulerException e) {
      return "?";
    }
  }

  private static void shutdown(Scheduler scheduler) {
    try {
      if (!scheduler.isShutdown()) {
        scheduler.shutdown(false);
      }
    } catch (SchedulerException e) {
      throw new Hcp360Exception("could not stop the scheduler: " + e.getMessage(), e);
    }
  }
}

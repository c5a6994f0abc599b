package io.hcp360.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.hcp360.config.Schedule;
import io.hcp360.db.Database;
import io.hcp360.testing.Sql;
import io.hcp360.testing.TestPostgres;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.quartz.JobBuilder;
import org.quartz.Scheduler;

/**
 * Two scheduler processes on one database: each firing runs once; when the one that fires is
 * killed (SIGKILL), the other takes over its trigger and recovers it.
 */
class ClusterFailoverIT {

  @Test
  void whenTheFiringSchedulerProcessIsKilledTheOtherTakesOver() throws Exception {
    String url = TestPostgres.freshDatabaseUrl();
    try (Database db = Database.open(new io.hcp360.db.DatabaseSettings(
        java.util.Optional.of(url), java.util.Optional.empty(), java.util.Optional.empty(),
        java.nio.file.Path.of("unused"), 0))) {
      db.jdbi().useHandle(h -> h.execute(CountingJob.CREATE_TABLE));
      Scheduler registrar = Schedulers.create(db, Schedulers.Settings.defaults());
      registrar.scheduleJob(
          JobBuilder.newJob(CountingJob.class).withIdentity("count", JobSchedules.GROUP).build(),
          JobSchedules.trigger("count",
              new Schedule("0/2 * * * * ?", ZoneOffset.UTC, Schedule.Misfire.RUN_ONCE)));
      registrar.shutdown();
    }
    Jdbi jdbi = Jdbi.create(url);
    Process a = member(url, "member-a");
    Process b = null;
    try {
      b = member(url, "member-b");
      Process memberB = b;
      await(Duration.ofSeconds(30), () -> count(jdbi, "") >= 3);
      String firing = Sql.string(jdbi,
          "select scheduler from hcp.test_firing order by scheduled_at desc limit 1");
      Process victim = firing.equals("member-a") ? a : memberB;
      String survivor = firing.equals("member-a") ? "member-b" : "member-a";
      victim.destroyForcibly().waitFor();
      Instant killed = Instant.now();

      await(Duration.ofSeconds(40), () -> count(jdbi, " where fired_at > '" + killed + "'") >= 3);
      assertThat(Sql.strings(jdbi, "select distinct scheduler from hcp.test_firing"
          + " where fired_at > '" + killed + "'")).containsExactly(survivor);
      await(Duration.ofSeconds(20), () -> Sql.strings(jdbi,
          "select instance_name from quartz.qrtz_scheduler_state").equals(List.of(survivor)));
    } finally {
      a.destroyForcibly().waitFor();
      if (b != null) {
        b.destroyForcibly().waitFor();
      }
    }
    assertThat(count(jdbi, "")).as("no due time fired twice")
        .isEqualTo(Sql.count(jdbi, "select count(distinct scheduled_at) from hcp.test_firing"));
  }

  private static Process member(String url, String id) throws IOException, InterruptedException {
    String java = ProcessHandle.current().info().command().orElse("java");
    Process process = new ProcessBuilder(java, "-Xmx256m", "-XX:TieredStopAtLevel=1",
        "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
        ClusterMember.class.getName(), url, id)
        .redirectErrorStream(true).start();
    BufferedReader out = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    StringBuilder seen = new StringBuilder();
    for (String line = out.readLine(); line != null; line = out.readLine()) {
      seen.append(line).append('\n');
      if (line.equals("member " + id + " started")) {
        Thread drain = new Thread(() -> out.lines().forEach(l -> { }));
        drain.setDaemon(true);
        drain.start();
        return process;
      }
    }
    throw new AssertionError("scheduler process " + id + " did not start:\n" + seen);
  }

  private static long count(Jdbi jdbi, String where) {
    return Sql.count(jdbi, "select count(*) from hcp.test_firing" + where);
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

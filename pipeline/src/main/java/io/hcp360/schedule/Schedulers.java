package io.hcp360.schedule;

import io.hcp360.Hcp360Exception;
import io.hcp360.db.Database;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.impl.SchedulerRepository;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.utils.ConnectionProvider;
import org.quartz.utils.DBConnectionManager;

/**
 * Builds the Quartz scheduler of {@code hcp360 schedule}: a JDBC job store (JobStoreTX,
 * PostgreSQLDelegate) in hcp360's own database (tables {@code quartz.qrtz_*}), clustered, so
 * that several scheduler processes on one database share the work: each firing runs on exactly
 * one of them, and when one dies the others take over its triggers and recover its runs.
 */
public final class Schedulers {
  /** Quartz's scheduler name: every member of the cluster uses the same one. */
  public static final String NAME = "hcp360";

  private static final AtomicInteger DATA_SOURCES = new AtomicInteger();

  private Schedulers() {}

  /**
   * How a scheduler takes part in the cluster.
   *
   * @param instanceId this member's id, or {@code AUTO} (host name and start time)
   * @param threads runs (of different jobs) that may go on at once in this member
   * @param checkinInterval how often a member tells the others it is alive; a member silent
   *     for this long plus 7.5 s is taken for dead and its work recovered
   * @param misfireThreshold how late a firing may start before it counts as missed
   * @param idleWait how long a member waits before looking for due triggers again when it found
   *     none (another member may have taken them); at least one second
   */
  public record Settings(String instanceId, int threads, Duration checkinInterval,
      Duration misfireThreshold, Duration idleWait) {

    public Settings {
      if (threads < 1) {
        throw new IllegalArgumentException("a scheduler needs at least one thread");
      }
    }

    /** The defaults of {@code hcp360 schedule}. */
    public static Settings defaults() {
      return new Settings("AUTO", 2, Duration.ofSeconds(5), Duration.ofSeconds(60),
          Duration.ofSeconds(5));
    }
  }

  /**
   * A scheduler over the database, in standby (call {@code start()} to let it fire). Fired jobs
   * find the database in the scheduler context ({@link ScheduledRun}).
   */
  public static Scheduler create(Database database, Settings settings) {
    String dataSource = "hcp360-" + DATA_SOURCES.incrementAndGet();
    DBConnectionManager.getInstance().addConnectionProvider(dataSource,
        new PooledConnections(database.dataSource()));
    Properties p = new Properties();
    p.setProperty("org.quartz.scheduler.instanceName", NAME);
    p.setProperty("org.quartz.scheduler.instanceId", settings.instanceId());
    p.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
    p.setProperty("org.quartz.scheduler.idleWaitTime",
        Long.toString(settings.idleWait().toMillis()));
    p.setProperty("org.quartz.threadPool.class", "org.quartz.simpl.SimpleThreadPool");
    p.setProperty("org.quartz.threadPool.threadCount", Integer.toString(settings.threads()));
    p.setProperty("org.quartz.threadPool.threadNamePrefix", "hcp360-schedule-" + dataSource);
    p.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
    p.setProperty("org.quartz.jobStore.driverDelegateClass",
        "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
    p.setProperty("org.quartz.jobStore.dataSource", dataSource);
    p.setProperty("org.quartz.jobStore.tablePrefix", "quartz.qrtz_");
    p.setProperty("org.quartz.jobStore.useProperties", "true");
    p.setProperty("org.quartz.jobStore.isClustered", "true");
    p.setProperty("org.quartz.jobStore.clusterCheckinInterval",
        Long.toString(settings.checkinInterval().toMillis()));
    p.setProperty("org.quartz.jobStore.misfireThreshold",
        Long.toString(settings.misfireThreshold().toMillis()));
    try {
      Scheduler scheduler = new StdSchedulerFactory(p).getScheduler();
      // Quartz keeps one scheduler per name in a JVM-wide registry; hcp360 never looks one up
      // by name, and unbinding it lets one JVM hold two members of a cluster (as tests do).
      SchedulerRepository.getInstance().remove(NAME);
      scheduler.getContext().put(ScheduledRun.DATABASE, database);
      return scheduler;
    } catch (SchedulerException e) {
      throw new Hcp360Exception("could not start the Quartz scheduler: " + e.getMessage(), e);
    }
  }

  /** Quartz's connections come from hcp360's pool. */
  private record PooledConnections(DataSource dataSource) implements ConnectionProvider {
    @Override
    public Connection getConnection() throws SQLException {
      return dataSource.getConnection();
    }

    @Override
    public void shutdown() {
      // the pool belongs to the Database, which closes it
    }

    @Override
    public void initialize() {
      // nothing to set up
    }
  }
}

package io.hcp360.schedule;

import io.hcp360.db.Database;
import io.hcp360.db.DatabaseSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.quartz.Scheduler;

/**
 * A scheduler process for {@link ClusterFailoverIT}: hcp360's clustered scheduler on the database
 * at args[0], with instance id args[1], firing whatever the store holds until it is killed.
 */
public final class ClusterMember {
  private ClusterMember() {}

  public static void main(String[] args) throws Exception {
    Database db = Database.open(new DatabaseSettings(Optional.of(args[0]), Optional.empty(),
        Optional.empty(), Path.of("unused"), 0));
    Scheduler scheduler = Schedulers.create(db, new Schedulers.Settings(args[1], 1,
        Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1)));
    scheduler.start();
    System.out.println("member " + args[1] + " started");
    System.out.flush();
    Thread.sleep(Duration.ofMinutes(5));
    System.exit(0);
  }
}

package io.hcp360.config;

import java.time.ZoneId;
import java.util.Objects;

/**
 * When a job runs under {@code hcp360 schedule}: a Quartz cron expression read in a time zone,
 * and what to do with a firing that was missed (every scheduler down, or the previous run of the
 * job still going).
 *
 * @param cron a Quartz cron expression: seconds, minutes, hours, day of month, month, day of week
 *     and an optional year ({@code 0 0 2 * * ?} is 02:00 every day)
 */
public record Schedule(String cron, ZoneId timeZone, Misfire misfire) {

  /** What a missed firing does. */
  public enum Misfire {
    /** Run once as soon as a scheduler can, however many firings were missed. */
    RUN_ONCE("run_once"),
    /** Do nothing; wait for the next firing. */
    SKIP("skip");

    private final String key;

    Misfire(String key) {
      this.key = key;
    }

    /** As written in a job file. */
    public String key() {
      return key;
    }
  }

  public Schedule {
    Objects.requireNonNull(cron, "cron");
    Objects.requireNonNull(timeZone, "timeZone");
    Objects.requireNonNull(misfire, "misfire");
  }
}

package io.hcp360.job;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A test hook for crash tests: with {@code -Dhcp360.test.pause-at=STEP:start} (before the step's
 * work) or {@code STEP:end} (after its work, before Spring Batch records the step as completed)
 * the run stops there and waits to be killed. Without the property it does nothing.
 */
final class CrashPoint {
  static final String PROPERTY = "hcp360.test.pause-at";
  private static final Logger LOG = LoggerFactory.getLogger(CrashPoint.class);

  private CrashPoint() {}

  static void reached(String step, String when) {
    String point = step + ":" + when;
    if (point.equals(System.getProperty(PROPERTY))) {
      LOG.warn("paused at {} ({}), waiting to be killed", point, PROPERTY);
      try {
        Thread.sleep(Duration.ofMinutes(10));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}

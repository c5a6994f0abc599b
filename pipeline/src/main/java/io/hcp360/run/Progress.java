package io.hcp360.run;

import java.io.Console;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The progress of a long piece of work (rows of a file, records standardized, pairs scored):
 * done so far, rate and time left. In a terminal it is a live line redrawn twice a second; in a
 * non-interactive run (a scheduler, a pipe, a log file) a log line every ten seconds. Work shorter
 * than one interval shows nothing. The clock starts at the first unit of work (a query's wait
 * for its first row is not counted against the rate). Safe to advance from several threads.
 */
public final class Progress {
  static final Duration LIVE_INTERVAL = Duration.ofMillis(500);
  static final Duration LOG_INTERVAL = Duration.ofSeconds(10);
  private static final Logger LOG = LoggerFactory.getLogger(Progress.class);

  /** Where progress lines go. */
  interface Output {
    void show(String line);

    /** The work is over: a live line is wiped. */
    void end();
  }

  private final String what;
  private final String unit;
  private final LongSupplier nanoClock;
  private final long intervalNanos;
  private final Output output;
  private final AtomicLong done = new AtomicLong();
  private final AtomicLong total;
  private final AtomicLong nextShow = new AtomicLong(Long.MAX_VALUE);
  /** When the first unit of work was done, and how much it was; set once. */
  private volatile long started;
  private volatile long doneAtStart = -1;

  Progress(String what, String unit, long total, LongSupplier nanoClock, Duration interval,
      Output output) {
    this.what = what;
    this.unit = unit;
    this.nanoClock = nanoClock;
    this.intervalNanos = interval.toNanos();
    this.output = output;
    this.total = new AtomicLong(total);
  }

  /**
   * Starts showing progress on the console of this process.
   *
   * @param what what is being done, as the line starts ("match: scoring")
   * @param unit what is counted ("pairs")
   * @param total how many there are, or 0 when not known (no time left is shown)
   */
  public static Progress start(String what, String unit, long total) {
    return interactive()
        ? new Progress(what, unit, total, System::nanoTime, LIVE_INTERVAL, new Live(System.err))
        : new Progress(what, unit, total, System::nanoTime, LOG_INTERVAL,
            new Output() {
              @Override
              public void show(String line) {
                LOG.info("  {}", line);
              }

              @Override
              public void end() {}
            });
  }

  /** {@code n} more done. */
  public void advance(long n) {
    update(done.addAndGet(n));
  }

  /** A new estimate of the total (for work whose size is only known roughly as it goes). */
  public void expect(long newTotal) {
    total.set(newTotal);
  }

  /** The work is over. */
  public void finish() {
    output.end();
  }

  private void update(long doneNow) {
    long now = nanoClock.getAsLong();
    if (doneAtStart < 0) {
      synchronized (this) {
        if (doneAtStart < 0) {
          started = now;
          doneAtStart = doneNow;
          nextShow.set(now + intervalNanos);
          return;
        }
      }
    }
    long next = nextShow.get();
    if (now >= next && nextShow.compareAndSet(next, now + intervalNanos)) {
      output.show(new Snapshot(doneNow, total.get(), doneNow - doneAtStart, now - started)
          .line(what, unit));
    }
  }

  /**
   * Where some work stands.
   *
   * @param total 0 when not known
   * @param measured how much of {@code done} was done in {@code elapsedNanos}
   */
  record Snapshot(long done, long total, long measured, long elapsedNanos) {

    /** Done per second so far. */
    double rate() {
      return elapsedNanos <= 0 ? 0 : measured / (elapsedNanos / 1e9);
    }

    /** The time left at the rate so far; none without a total or a rate. */
    Optional<Duration> remaining() {
      double rate = rate();
      if (total <= 0 || rate <= 0) {
        return Optional.empty();
      }
      return Optional.of(Duration.ofMillis(Math.round(Math.max(0, total - done) / rate * 1000)));
    }

    String line(String what, String unit) {
      StringBuilder line = new StringBuilder(what).append(": ")
          .append(String.format("%,d", done));
      if (total > 0) {
        line.append(String.format(" of %,d %s (%d %%)", total, unit,
            Math.min(100, done * 100 / total)));
      } else {
        line.append(' ').append(unit);
      }
      line.append(String.format(", %,.0f/s", rate()));
      remaining().ifPresent(r -> line.append(", about ").append(human(r)).append(" left"));
      return line.toString();
    }

    static String human(Duration d) {
      long s = d.toSeconds();
      if (s < 60) {
        return s + " s";
      }
      if (s < 3600) {
        return String.format("%d min %02d s", s / 60, s % 60);
      }
      return String.format("%d h %02d min", s / 3600, s % 3600 / 60);
    }
  }

  /** A line on a terminal, redrawn in place. */
  private static final class Live implements Output {
    private final PrintStream out;
    private int shown;

    Live(PrintStream out) {
      this.out = out;
    }

    @Override
    public synchronized void show(String line) {
      out.print("\r" + line + " ".repeat(Math.max(0, shown - line.length())));
      out.flush();
      shown = line.length();
    }

    @Override
    public synchronized void end() {
      if (shown > 0) {
        out.print("\r" + " ".repeat(shown) + "\r");
        out.flush();
        shown = 0;
      }
    }
  }

  /** Whether this process writes to a terminal (Java 22+ has a console even when redirected). */
  private static boolean interactive() {
    Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
    } catch (ReflectiveOperationException e) {
      return true; // Java 21: a console means a terminal
    }
  }
}

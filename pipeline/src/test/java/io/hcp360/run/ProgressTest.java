package io.hcp360.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressTest {
  private static final long SECOND = 1_000_000_000L;

  private final AtomicLong clock = new AtomicLong(42 * SECOND);
  private final List<String> shown = new ArrayList<>();
  private boolean ended;

  private final Progress.Output output = new Progress.Output() {
    @Override
    public void show(String line) {
      shown.add(line);
    }

    @Override
    public void end() {
      ended = true;
    }
  };

  @Test
  void rateAndTimeLeftFollowFromWhatIsDoneSoFar() {
    Progress.Snapshot quarter = new Progress.Snapshot(250, 1_000, 250, 5 * SECOND);
    assertThat(quarter.rate()).isEqualTo(50.0);
    assertThat(quarter.remaining()).contains(Duration.ofSeconds(15));
    assertThat(quarter.line("match: scoring", "pairs"))
        .isEqualTo("match: scoring: 250 of 1,000 pairs (25 %), 50/s, about 15 s left");

    Progress.Snapshot slow = new Progress.Snapshot(1_000, 1_000_000, 1_000, 10 * SECOND);
    assertThat(slow.remaining()).contains(Duration.ofSeconds(9_990));
    assertThat(slow.line("standardize", "party records")).endsWith("about 2 h 46 min left");
  }

  @Test
  void withoutATotalOrARateThereIsNoTimeLeft() {
    assertThat(new Progress.Snapshot(250, 0, 250, 5 * SECOND).remaining()).isEmpty();
    assertThat(new Progress.Snapshot(250, 0, 250, 5 * SECOND)
        .line("ingest crm/accounts", "rows"))
        .isEqualTo("ingest crm/accounts: 250 rows, 50/s");
    assertThat(new Progress.Snapshot(0, 100, 0, 5 * SECOND).remaining()).isEmpty();
    assertThat(new Progress.Snapshot(0, 100, 0, 0).rate()).isZero();
  }

  @Test
  void moreDoneThanExpectedIsNoTimeLeftAndAtMostAHundredPercent() {
    Progress.Snapshot over = new Progress.Snapshot(120, 100, 120, 2 * SECOND);
    assertThat(over.remaining()).contains(Duration.ZERO);
    assertThat(over.line("x", "rows")).contains("(100 %)");
  }

  @Test
  void timesLeftAreWrittenForPeople() {
    assertThat(Progress.Snapshot.human(Duration.ofSeconds(59))).isEqualTo("59 s");
    assertThat(Progress.Snapshot.human(Duration.ofSeconds(75))).isEqualTo("1 min 15 s");
    assertThat(Progress.Snapshot.human(Duration.ofSeconds(3_725))).isEqualTo("1 h 02 min");
  }

  @Test
  void aLineIsShownOncePerIntervalAndNotBeforeTheFirstIntervalEnds() {
    Progress progress = new Progress("match: scoring", "pairs", 1_000, clock::get,
        Duration.ofSeconds(10), output);
    progress.advance(100);
    at(9.9);
    progress.advance(100);
    assertThat(shown).as("work shorter than an interval shows nothing").isEmpty();

    at(10);
    progress.advance(50);
    assertThat(shown).as("the rate counts from the first unit of work").containsExactly(
        "match: scoring: 250 of 1,000 pairs (25 %), 15/s, about 50 s left");
    at(15);
    progress.advance(50);
    at(19.9);
    progress.advance(50);
    assertThat(shown).hasSize(1);
    at(20);
    progress.advance(50);
    assertThat(shown).hasSize(2).last().asString().startsWith("match: scoring: 400 of 1,000");
    at(45);
    progress.advance(1);
    assertThat(shown).as("a long pause gives one line, not one per missed interval").hasSize(3);

    progress.finish();
    assertThat(ended).isTrue();
  }

  @Test
  void theClockStartsAtTheFirstUnitOfWork() {
    Progress progress = new Progress("standardize", "party records", 1_000, clock::get,
        Duration.ofSeconds(10), output);
    at(30); // a query took 30 s to return its first row
    progress.advance(1);
    at(39);
    progress.advance(99);
    assertThat(shown).isEmpty();
    at(40);
    progress.advance(100);
    assertThat(shown).containsExactly(
        "standardize: 200 of 1,000 party records (20 %), 20/s, about 40 s left");
  }

  @Test
  void aNewEstimateOfTheTotalIsUsedFromTheNextLine() {
    Progress progress = new Progress("ingest crm/accounts", "rows", 0, clock::get,
        Duration.ofSeconds(10), output);
    progress.advance(1);
    progress.expect(2_000);
    at(10);
    progress.advance(499);
    assertThat(shown).containsExactly(
        "ingest crm/accounts: 500 of 2,000 rows (25 %), 50/s, about 30 s left");
  }

  private void at(double seconds) {
    clock.set(42 * SECOND + (long) (seconds * SECOND));
  }
}

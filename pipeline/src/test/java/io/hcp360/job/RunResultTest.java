package io.hcp360.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunResultTest {
  private static final LocalDateTime T = LocalDateTime.of(2026, 11, 30, 22, 0);

  private static RunResult.Span span(int fromSecond, int toSecond) {
    return new RunResult.Span(T.plusSeconds(fromSecond), T.plusSeconds(toSecond));
  }

  @Test
  void stepsOneAfterAnotherAddUp() {
    assertThat(RunResult.elapsed(List.of(span(0, 5), span(5, 7), span(7, 10))))
        .isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void stepsThatRanAtOnceCountOnce() {
    // a split: 2 s and 3 s at once, then 1 s; given in any order
    assertThat(RunResult.elapsed(List.of(span(13, 14), span(10, 12), span(10, 13))))
        .isEqualTo(Duration.ofSeconds(4));
    // one inside another
    assertThat(RunResult.elapsed(List.of(span(0, 10), span(2, 3), span(4, 12))))
        .isEqualTo(Duration.ofSeconds(12));
  }

  @Test
  void theTimeBetweenAFailureAndItsResumeIsNotCounted() {
    assertThat(RunResult.elapsed(List.of(span(0, 4), span(3600, 3602))))
        .isEqualTo(Duration.ofSeconds(6));
    assertThat(RunResult.elapsed(List.of())).isZero();
  }
}

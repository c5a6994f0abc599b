package io.hcp360.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LineHashTest {
  private static final byte[] JOB = new byte[32];
  private static final byte[] OTHER_JOB = new byte[32];

  static {
    OTHER_JOB[31] = 1;
  }

  @Test
  void theSameLineWithTheSameJobAndColumnsHasTheSameHash() {
    LineHash hash = new LineHash(JOB, List.of("Id", "Name"));
    assertThat(hash.of("1,Ann").toString()).matches("[0-9a-f]{32}")
        .isEqualTo(new LineHash(JOB.clone(), List.of("Id", "Name")).of("1,Ann").toString())
        .isNotEqualTo(hash.of("1,Anne").toString());
    assertThat(Hash128.parse(hash.of("1,Ann").toString())).isEqualTo(hash.of("1,Ann"));
  }

  /** The same text maps to other rows under another job file or header: never known then. */
  @Test
  void anotherJobFileOrHeaderChangesEveryHash() {
    LineHash hash = new LineHash(JOB, List.of("Id", "Name"));
    assertThat(new LineHash(OTHER_JOB, List.of("Id", "Name")).of("1,Ann"))
        .isNotEqualTo(hash.of("1,Ann"));
    assertThat(new LineHash(JOB, List.of("Name", "Id")).of("1,Ann"))
        .isNotEqualTo(hash.of("1,Ann"));
    assertThat(new LineHash(JOB, List.of("Id", "Name", "")).of("1,Ann"))
        .isNotEqualTo(hash.of("1,Ann"));
  }
}

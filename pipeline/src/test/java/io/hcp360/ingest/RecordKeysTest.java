package io.hcp360.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RecordKeysTest {

  @Test
  void keysAreNumberedInTheOrderFirstAddedAndFoundAgain() {
    RecordKeys keys = new RecordKeys(2);
    assertThat(keys.add("b")).isZero();
    assertThat(keys.add("a")).isEqualTo(1);
    assertThat(keys.add("b")).isZero();
    assertThat(keys.find("a")).isEqualTo(1);
    assertThat(keys.find("c")).isEqualTo(-1);
    assertThat(keys.size()).isEqualTo(2);
    assertThat(keys.key(0)).isEqualTo("b");
  }

  /** Far more keys than expected, of any text: each keeps its number and its text. */
  @Test
  void keysOfAnyTextGrowTheTable() {
    RecordKeys keys = new RecordKeys(1);
    int n = 20_000;
    for (int i = 0; i < n; i++) {
      assertThat(keys.add(key(i))).isEqualTo(i);
    }
    assertThat(keys.add("")).isEqualTo(n);
    for (int i = 0; i < n; i++) {
      assertThat(keys.find(key(i))).isEqualTo(i);
      assertThat(keys.key(i)).isEqualTo(key(i));
    }
    assertThat(keys.find("")).isEqualTo(n);
    assertThat(keys.key(n)).isEmpty();
    assertThat(keys.size()).isEqualTo(n + 1);
  }

  private static String key(int i) {
    return switch (i % 3) {
      case 0 -> "ID-" + i;
      case 1 -> "Müller-Lüdenscheidt " + i;
      default -> "\u4e2d" + i + "\uD83D\uDE00";
    };
  }
}

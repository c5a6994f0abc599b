package io.hcp360.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RowHashTest {
  private final RowHash hash = new RowHash();

  @Test
  void equalValuesHashEquallyAndAnyDifferenceShows() {
    String a = hash.of(new String[] {"A1", "Anna", null, "Smith"}, "{}");
    assertThat(a).hasSize(32).matches("[0-9a-f]{32}");
    assertThat(hash.of(new String[] {"A1", "Anna", null, "Smith"}, "{}")).isEqualTo(a);
    assertThat(hash.of(new String[] {"A1", "Anna", "", "Smith"}, "{}"))
        .as("null and empty told apart").isNotEqualTo(a);
    assertThat(hash.of(new String[] {"A1", "Ann", "a", "Smith"}, "{}"))
        .as("values not run together").isNotEqualTo(hash.of(
            new String[] {"A1", "Anna", null, "Smith"}, "{}"));
    assertThat(hash.of(new String[] {"A1", "Smith", null, "Anna"}, "{}")).isNotEqualTo(a);
    assertThat(hash.of(new String[] {"A1", "Anna", null, "Smith"}, "{\"brand\": \"X\"}"))
        .isNotEqualTo(a);
  }
}

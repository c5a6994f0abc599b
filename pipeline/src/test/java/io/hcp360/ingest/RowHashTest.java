package io.hcp360.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RowHashTest {
  private final RowHash hash = new RowHash();

  @Test
  void equalValuesHashEquallyAndAnyDifferenceShows() {
    Hash128 a = hash.of(new String[] {"A1", "Anna", null, "Smith"}, "{}");
    assertThat(a.toString()).hasSize(32).matches("[0-9a-f]{32}");
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

  /** The hash stays the one rows were staged with before (value by value into the digest). */
  @Test
  void theHashIsTheDigestOfEachValueThenTheSeparator() throws Exception {
    java.util.Random random = new java.util.Random(3);
    String[] alphabet = {"a", "Z", "é", "ß", "漢", "\uD83D\uDE00", " ", "-", "\t", "1"};
    for (int n = 0; n < 200; n++) {
      String[] values = new String[random.nextInt(6)];
      for (int i = 0; i < values.length; i++) {
        if (random.nextInt(4) > 0) {
          StringBuilder v = new StringBuilder();
          for (int k = random.nextInt(6); k > 0; k--) {
            v.append(alphabet[random.nextInt(alphabet.length)]);
          }
          values[i] = v.toString();
        }
      }
      String extras = random.nextBoolean() ? "{}" : "{\"brand\": \"Ü\"}";
      java.security.MessageDigest md5 = java.security.MessageDigest.getInstance("MD5");
      for (String value : values) {
        if (value == null) {
          md5.update((byte) 0);
        } else {
          md5.update(value.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        md5.update((byte) 0x1f);
      }
      md5.update(extras.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      assertThat(hash.of(values, extras).toString())
          .isEqualTo(java.util.HexFormat.of().formatHex(md5.digest()));
    }
  }
}

package io.hcp360.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.api.Test;

class TemporalsTest {

  @Test
  void patternsAreStrictSoImpossibleDatesDoNotParse() {
    assertThat(LocalDate.parse("29/02/2024", Temporals.strict("dd/MM/yyyy")))
        .isEqualTo(LocalDate.of(2024, 2, 29));
    assertThatThrownBy(() -> LocalDate.parse("31/02/2024", Temporals.strict("dd/MM/yyyy")))
        .isInstanceOf(DateTimeParseException.class);
    assertThatThrownBy(() -> LocalDate.parse("29/02/2023", Temporals.strict("dd/MM/yyyy")))
        .isInstanceOf(DateTimeParseException.class);
  }

  @Test
  void quotedLettersAreLeftAlone() {
    assertThat(Temporals.strict("yyyy-MM-dd'T'HH:mm:ss 'y'").parse("2025-03-14T10:22:33 y"))
        .isNotNull();
  }

  @Test
  void isoAcceptsDatesWithOrWithoutTimeAndOffset() {
    for (String text : new String[] {"2025-03-14", "2025-03-14T10:22:33", "2025-03-14 10:22",
        "2025-03-14T10:22:33.000Z", "2025-03-14T10:22:33+01:00"}) {
      assertThat(Temporals.ISO.parse(text)).as(text).isNotNull();
    }
  }
}

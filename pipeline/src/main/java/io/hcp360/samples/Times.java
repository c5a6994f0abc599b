package io.hcp360.samples;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.random.RandomGenerator;

/** Random moments in the extracts' time window, and the date formats the systems use. */
final class Times {
  /** Salesforce: 2025-03-14T10:22:33.000Z (always UTC). */
  static final DateTimeFormatter SALESFORCE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT);
  static final DateTimeFormatter DAY_MONTH_YEAR = DateTimeFormatter.ofPattern("dd/MM/yyyy", Locale.ROOT);
  static final DateTimeFormatter EVENTS = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm", Locale.ROOT);
  static final DateTimeFormatter US_12H = DateTimeFormatter.ofPattern("MM/dd/yyyy hh:mm a", Locale.US);
  static final DateTimeFormatter ISO_OFFSET = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx", Locale.ROOT);
  static final DateTimeFormatter COMPACT_DATE = DateTimeFormatter.ofPattern("yyyyMMdd", Locale.ROOT);

  private Times() {}

  /** A moment between the two days (start inclusive, end exclusive), to the second. */
  static LocalDateTime between(LocalDate from, LocalDate to, RandomGenerator rng) {
    long a = from.toEpochDay() * 86_400L;
    long b = to.toEpochDay() * 86_400L;
    return LocalDateTime.ofEpochSecond(a + (long) (rng.nextDouble() * (b - a)), 0, ZoneOffset.UTC);
  }

  /** A moment during working hours (7:00 to 19:00) of a day in the month. */
  static LocalDateTime workingHours(int year, int month, RandomGenerator rng) {
    LocalDate first = LocalDate.of(year, month, 1);
    LocalDate day = first.plusDays(rng.nextInt(first.lengthOfMonth()));
    return day.atTime(7 + rng.nextInt(12), rng.nextInt(60), rng.nextInt(60));
  }
}

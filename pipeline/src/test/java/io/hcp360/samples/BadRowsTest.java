package io.hcp360.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finds the bad rows in the files by looking at the bytes, and counts them by kind. */
class BadRowsTest {
  @TempDir Path tmp;

  /** What the test knows about a file's layout (from the README, not from the generator). */
  record Spec(String path, char delimiter, boolean quoted, Charset charset, String id, String date, String format) {}

  static final List<Spec> SPECS = specs();

  private static List<Spec> specs() {
    List<Spec> specs = new ArrayList<>();
    for (int month = 1; month <= 6; month++) {
      specs.add(new Spec("crm/calls_2025%02d.csv".formatted(month), ',', true, StandardCharsets.UTF_8, "Account_Id",
          "Call_Datetime", "uuuu-MM-dd'T'HH:mm:ss.SSSX"));
    }
    specs.addAll(List.of(
      new Spec("crm/accounts.csv", ',', true, StandardCharsets.UTF_8, "Id", "LastModifiedDate",
          "uuuu-MM-dd'T'HH:mm:ss.SSSX"),
      new Spec("mdm/hcp_master.txt", '|', false, StandardCharsets.ISO_8859_1, "MDM_ID", "UPDATED", "dd/MM/uuuu"),
      new Spec("events/registrations.csv", ';', true, StandardCharsets.UTF_8, "ATTENDEE_ID", "REG_TS",
          "dd.MM.uuuu HH:mm"),
      new Spec("email/subscribers.csv", ',', true, StandardCharsets.UTF_8, "SUBSCRIBER_ID", "STATUS_CHANGED_AT",
          "MM/dd/uuuu hh:mm a"),
      new Spec("email/events.csv", ',', true, StandardCharsets.UTF_8, "SUBSCRIBER_ID", "EVENT_TS",
          "uuuu-MM-dd'T'HH:mm:ssxxx"),
      new Spec("samples/requests.tsv", '\t', false, StandardCharsets.UTF_8, "REQUESTER_ID", "REQUEST_DATE",
          "uuuuMMdd")));
    return List.copyOf(specs);
  }

  @Test
  void everyKindOfBadRowIsThereAndCountedRight() throws IOException {
    GenerationResult r = SampleGenerator.generate(GeneratorSettings.of(300, 42, tmp, 0.05));
    Map<Fault, Integer> found = new EnumMap<>(Fault.class);
    for (Spec s : SPECS) {
      findFaults(tmp, s).forEach(f -> found.merge(f, 1, Integer::sum));
    }
    assertThat(found.keySet()).containsExactlyInAnyOrder(Fault.values());
    Map<String, Long> byName = new java.util.TreeMap<>();
    found.forEach((k, v) -> byName.put(k.name(), v.longValue()));
    assertThat(byName).isEqualTo(r.badRowsByKind());
    assertThat(r.badRows()).isBetween(Math.round(r.totalRows() * 0.03), Math.round(r.totalRows() * 0.07));
  }

  @Test
  void theBadBytesAreOnlyInUtf8Files() throws IOException {
    SampleGenerator.generate(GeneratorSettings.of(300, 42, tmp, 0.2));
    for (Spec s : SPECS) {
      List<Fault> faults = findFaults(tmp, s);
      if (s.charset().equals(StandardCharsets.UTF_8)) {
        assertThat(faults).as(s.path()).contains(Fault.BAD_BYTE);
      } else {
        assertThat(faults).as(s.path()).doesNotContain(Fault.BAD_BYTE, Fault.BROKEN_QUOTE);
      }
    }
  }

  @Test
  void rateZeroMakesNoBadRow() throws IOException {
    GenerationResult r = SampleGenerator.generate(GeneratorSettings.of(300, 42, tmp, 0));
    assertThat(r.badRows()).isZero();
    for (Spec s : SPECS) {
      assertThat(findFaults(tmp, s)).as(s.path()).isEmpty();
    }
  }

  /** The fault each bad line of the file shows, one per line. */
  static List<Fault> findFaults(Path root, Spec s) throws IOException {
    byte[] bytes = Files.readAllBytes(root.resolve(s.path()));
    List<byte[]> lines = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == '\n') {
        lines.add(java.util.Arrays.copyOfRange(bytes, start, i));
        start = i + 1;
      }
    }
    List<String> header = split(new String(lines.get(0), s.charset()), s);
    int id = header.indexOf(s.id());
    int date = header.indexOf(s.date());
    assertThat(id).as(s.path() + " id column").isNotNegative();
    assertThat(date).as(s.path() + " date column").isNotNegative();
    DateTimeFormatter format = DateTimeFormatter.ofPattern(s.format(), Locale.US).withResolverStyle(ResolverStyle.STRICT);
    List<Fault> faults = new ArrayList<>();
    for (byte[] raw : lines.subList(1, lines.size())) {
      String line;
      try {
        line = s.charset().newDecoder().onMalformedInput(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(raw))
            .toString();
      } catch (CharacterCodingException e) {
        faults.add(Fault.BAD_BYTE);
        continue;
      }
      if (s.quoted() && line.chars().filter(c -> c == '"').count() % 2 == 1) {
        faults.add(Fault.BROKEN_QUOTE);
        continue;
      }
      List<String> values = split(line, s);
      if (values.size() != header.size()) {
        faults.add(Fault.WRONG_COLUMN_COUNT);
      } else if (values.get(id).isBlank()) {
        faults.add(Fault.MISSING_ID);
      } else if (!parses(values.get(date), format)) {
        faults.add(Fault.BAD_DATE);
      }
    }
    return faults;
  }

  private static boolean parses(String value, DateTimeFormatter format) {
    try {
      format.parse(value);
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  /** Splits one line on the delimiter, honouring quotes ("" inside quotes is one quote). */
  static List<String> split(String line, Spec s) {
    List<String> values = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean inQuotes = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (s.quoted() && c == '"') {
        if (inQuotes && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          cur.append('"');
          i++;
        } else {
          inQuotes = !inQuotes;
        }
      } else if (c == s.delimiter() && !inQuotes) {
        values.add(cur.toString());
        cur.setLength(0);
      } else {
        cur.append(c);
      }
    }
    values.add(cur.toString());
    return values;
  }
}

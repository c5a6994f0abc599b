package io.hcp360.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.hcp360.config.Dialect;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvRowReaderTest {
  @TempDir Path dir;

  private List<SourceRow> read(String content, Dialect dialect) throws IOException {
    return read(content.getBytes(StandardCharsets.UTF_8), dialect);
  }

  private List<SourceRow> read(byte[] content, Dialect dialect) throws IOException {
    Path file = dir.resolve("f.csv");
    Files.write(file, content);
    List<SourceRow> rows = new ArrayList<>();
    try (CsvRowReader reader = new CsvRowReader(file, dialect)) {
      SourceRow row;
      while ((row = reader.next()) != null) {
        rows.add(row);
      }
    }
    return rows;
  }

  @Test
  void readsRowsWithTheirLinesAndSkipsBlankLines() throws IOException {
    List<SourceRow> rows = read("a,b\r\n1,2\r\n\r\n\"x, y\",3\n", Dialect.DEFAULT);
    assertThat(rows).hasSize(2);
    assertThat(rows.get(0)).isEqualTo(new SourceRow.Parsed(2, "1,2", List.of("1", "2")));
    assertThat(rows.get(1).line()).isEqualTo(4);
    assertThat(((SourceRow.Parsed) rows.get(1)).values()).containsExactly("x, y", "3");
  }

  @Test
  void aQuotedValueMaySpanLines() throws IOException {
    List<SourceRow> rows = read("a,b\n\"line one\nline two\",1\nz,2\n", Dialect.DEFAULT);
    assertThat(rows).hasSize(2);
    assertThat(((SourceRow.Parsed) rows.get(0)).values()).containsExactly("line one\nline two", "1");
    assertThat(rows.get(1).line()).isEqualTo(4);
  }

  @Test
  void aQuoteNeverClosedRejectsItsLineAndTheNextLinesAreStillRead() throws IOException {
    List<SourceRow> rows = read("a,b\n1,2\n\"broken,3\n4,5\n6,7\n", Dialect.DEFAULT);
    assertThat(rows).extracting(SourceRow::line).containsExactly(2, 3, 4, 5);
    assertThat(rows.get(1)).isInstanceOf(SourceRow.Unreadable.class);
    assertThat(((SourceRow.Unreadable) rows.get(1)).reason())
        .startsWith("broken quoting").contains("line 3");
    assertThat(((SourceRow.Parsed) rows.get(2)).values()).containsExactly("4", "5");
  }

  @Test
  void textAfterAClosingQuoteIsBrokenQuoting() throws IOException {
    List<SourceRow> rows = read("a,b\n\"x\"y,1\n2,3\n", Dialect.DEFAULT);
    assertThat(rows.get(0)).isInstanceOf(SourceRow.Unreadable.class);
    assertThat(((SourceRow.Unreadable) rows.get(0)).reason()).startsWith("broken quoting");
    assertThat(rows.get(1)).isInstanceOf(SourceRow.Parsed.class);
  }

  @Test
  void wrongNumberOfColumnsIsReported() throws IOException {
    List<SourceRow> rows = read("a,b\n1,2,3\n4\n5,6\n", Dialect.DEFAULT);
    assertThat(rows).extracting(r -> r instanceof SourceRow.Unreadable u ? u.reason() : "ok")
        .containsExactly("wrong number of columns: expected 2, found 3",
            "wrong number of columns: expected 2, found 1", "ok");
  }

  @Test
  void bytesThatDoNotDecodeRejectOnlyTheirLine() throws IOException {
    byte[] content = "a,b\n1,2\nM\u00fcller,3\nok,4\n".getBytes(StandardCharsets.ISO_8859_1);
    List<SourceRow> rows = read(content, Dialect.DEFAULT);
    assertThat(rows).hasSize(3);
    SourceRow.Unreadable bad = (SourceRow.Unreadable) rows.get(1);
    assertThat(bad.line()).isEqualTo(3);
    assertThat(bad.reason()).isEqualTo("undecodable bytes: not valid UTF-8 at byte 2 of the line");
    assertThat(bad.raw()).isEqualTo("M\ufffdller,3");
    assertThat(rows.get(2)).isInstanceOf(SourceRow.Parsed.class);
  }

  @Test
  void latin1FilesDecodeWithTheirEncoding() throws IOException {
    Dialect latin1 = new Dialect('|', Optional.of('"'), Optional.empty(),
        StandardCharsets.ISO_8859_1, true, List.of(), java.util.Set.of(""),
        java.time.ZoneOffset.UTC, true);
    byte[] content = "a|b\nM\u00fcller|3\n".getBytes(StandardCharsets.ISO_8859_1);
    List<SourceRow> rows = read(content, latin1);
    assertThat(((SourceRow.Parsed) rows.get(0)).values()).containsExactly("Müller", "3");
  }

  @Test
  void aByteOrderMarkIsNotPartOfTheFirstColumnName() throws IOException {
    Path file = dir.resolve("bom.csv");
    Files.write(file, "\uFEFFId,Name\n1,x\n".getBytes(StandardCharsets.UTF_8));
    try (CsvRowReader reader = new CsvRowReader(file, Dialect.DEFAULT)) {
      assertThat(reader.columns()).containsExactly("Id", "Name");
    }
  }

  /**
   * Lines are parsed in batches; a file reads as its lines do each alone (after the header),
   * whatever the mix of good and bad lines around them.
   */
  @Test
  void aFileReadsAsItsLinesEachAlone() throws IOException {
    String[] forms = {"1,plain", "2,\"quoted, comma\"", "3,\"x\"y", "4,too,many", "5",
        "6,mid\rline", "  ", "7,\"\"\"doubled\"\"\"", "8,trailing\\", "9,", ",10"};
    java.util.Random random = new java.util.Random(7);
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 1_500; i++) {
      lines.add(random.nextInt(10) < 8 ? "n" + i + "," + i : forms[random.nextInt(forms.length)]);
    }
    Dialect escaped = new Dialect(',', Optional.of('"'), Optional.of('\\'),
        StandardCharsets.UTF_8, true, List.of(), java.util.Set.of(""), java.time.ZoneOffset.UTC,
        false);
    for (Dialect dialect : List.of(Dialect.DEFAULT, escaped)) {
      List<SourceRow> whole = read("a,b\n" + String.join("\n", lines) + "\n", dialect);
      List<SourceRow> alone = new ArrayList<>();
      for (int i = 0; i < lines.size(); i++) {
        for (SourceRow row : read("a,b\n" + lines.get(i) + "\n", dialect)) {
          alone.add(row instanceof SourceRow.Parsed p
              ? new SourceRow.Parsed(i + 2, p.raw(), p.values())
              : new SourceRow.Unreadable(i + 2, ((SourceRow.Unreadable) row).raw(),
                  ((SourceRow.Unreadable) row).reason()));
        }
      }
      assertThat(whole).containsExactlyElementsOf(alone);
      assertThat(whole).hasAtLeastOneElementOfType(SourceRow.Unreadable.class);
    }
  }

  /**
   * Known lines come back unparsed, in their place; the reader asks about each line once, in
   * order, and every other row reads as it does without known lines.
   */
  @Test
  void knownLinesAreNotParsedAndTheOthersReadAsBefore() throws IOException {
    String[] forms = {"1,\"quoted, comma\"", "3,\"x\"y", "4,too,many", "5", "  ", "9,"};
    java.util.Random random = new java.util.Random(11);
    StringBuilder text = new StringBuilder("a,b\n");
    for (int i = 0; i < 1_500; i++) {
      text.append(random.nextInt(10) < 8 ? "n" + i + "," + i : forms[random.nextInt(forms.length)])
          .append('\n');
    }
    Dialect oneLine = new Dialect(',', Optional.of('"'), Optional.empty(),
        StandardCharsets.UTF_8, true, List.of(), java.util.Set.of(""), java.time.ZoneOffset.UTC,
        false);
    List<SourceRow> plain = read(text.toString(), oneLine);
    Path file = dir.resolve("known.csv");
    Files.writeString(file, text);
    List<Integer> asked = new ArrayList<>();
    List<SourceRow> rows = new ArrayList<>();
    String[] fileLines = text.toString().split("\n", -1);
    try (CsvRowReader reader = new CsvRowReader(file, oneLine)) {
      reader.skipKnown((line, utf8) -> {
        asked.add(line);
        // asked with the line's text as UTF-8 bytes
        assertThat(new String(utf8, StandardCharsets.UTF_8)).isEqualTo(fileLines[line - 1]);
        return line % 3 == 0;
      });
      for (SourceRow row; (row = reader.next()) != null; ) {
        rows.add(row);
      }
    }
    List<SourceRow> expected = plain.stream()
        .map(r -> r.line() % 3 == 0 ? new SourceRow.Known(r.line()) : r).toList();
    assertThat(rows).containsExactlyElementsOf(expected);
    assertThat(asked).isSorted().doesNotHaveDuplicates()
        .containsAll(plain.stream().map(SourceRow::line).toList());
    assertThat(rows).hasAtLeastOneElementOfType(SourceRow.Known.class)
        .hasAtLeastOneElementOfType(SourceRow.Unreadable.class);
  }

  /**
   * A file of another encoding is asked about with its lines' text as UTF-8 bytes, as a UTF-8
   * file with the same text is: a line's hash is its text's, whatever the encoding.
   */
  @Test
  void knownLinesAreAskedAboutAsUtf8WhateverTheEncoding() throws IOException {
    String text = "id,name\n1,Müller\n2,Zoë\n\uFEFF3,x\n";
    Map<Integer, String> utf8Asked = new java.util.TreeMap<>();
    Map<Integer, String> latinAsked = new java.util.TreeMap<>();
    for (java.nio.charset.Charset charset
        : List.of(StandardCharsets.UTF_8, StandardCharsets.ISO_8859_1)) {
      Path file = dir.resolve("enc-" + charset.name() + ".csv");
      Files.writeString(file, text.replace("\uFEFF", charset == StandardCharsets.UTF_8
          ? "\uFEFF" : ""), charset);
      Dialect dialect = new Dialect(',', Optional.of('"'), Optional.empty(), charset, true,
          List.of(), java.util.Set.of(""), java.time.ZoneOffset.UTC, false);
      Map<Integer, String> asked = charset == StandardCharsets.UTF_8 ? utf8Asked : latinAsked;
      try (CsvRowReader reader = new CsvRowReader(file, dialect)) {
        reader.skipKnown((line, utf8) -> {
          asked.put(line, new String(utf8, StandardCharsets.UTF_8));
          return line == 2;
        });
        List<SourceRow> rows = new ArrayList<>();
        for (SourceRow row; (row = reader.next()) != null; ) {
          rows.add(row);
        }
        assertThat(rows.get(0)).isEqualTo(new SourceRow.Known(2));
        assertThat(rows.get(1)).isInstanceOf(SourceRow.Parsed.class);
      }
    }
    assertThat(latinAsked).containsExactly(Map.entry(2, "1,Müller"), Map.entry(3, "2,Zoë"),
        Map.entry(4, "3,x"));
    // a byte-order mark inside a UTF-8 file is text like any other (only the first line's is not)
    assertThat(utf8Asked).containsExactly(Map.entry(2, "1,Müller"), Map.entry(3, "2,Zoë"),
        Map.entry(4, "\uFEFF3,x"));
  }

  @Test
  void linesAreNotSkippedWhereARowMaySpanLines() throws IOException {
    Path file = dir.resolve("multi.csv");
    Files.writeString(file, "a,b\n1,2\n");
    try (CsvRowReader reader = new CsvRowReader(file, Dialect.DEFAULT)) {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> reader.skipKnown((l, t) -> true))
          .isInstanceOf(IllegalStateException.class);
    }
  }
}

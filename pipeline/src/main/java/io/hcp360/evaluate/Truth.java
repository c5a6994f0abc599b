package io.hcp360.evaluate;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The true clusters: a UTF-8 CSV file with the header {@code source,source_id,person_id}, one
 * line per party record (as {@code samples/truth.csv} and {@code generate} write it). Records
 * with the same person are one true cluster.
 */
public final class Truth {
  static final List<String> HEADER = List.of("source", "source_id", "person_id");
  private static final int MAX_PROBLEMS = 20;

  private Truth() {}

  /**
   * Reads a truth file. A line with a blank field, the wrong number of fields, or a record
   * already given another person makes it fail, with every such line listed.
   */
  public static Clusters load(Path file) {
    CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
        .setIgnoreEmptyLines(true).setTrim(true).get();
    Map<RecordKey, String> persons = new HashMap<>();
    List<String> problems = new ArrayList<>();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get()) {
      if (!parser.getHeaderNames().equals(HEADER)) {
        throw new TruthFileException(file, List.of("1: the header is "
            + String.join(",", parser.getHeaderNames()) + "; expected "
            + String.join(",", HEADER)));
      }
      for (CSVRecord row : parser) {
        String problem = add(row, persons);
        if (problem != null && problems.size() < MAX_PROBLEMS) {
          problems.add(parser.getCurrentLineNumber() + ": " + problem);
        }
      }
    } catch (IOException | UncheckedIOException | IllegalStateException e) {
      throw new TruthFileException(file, e.getMessage(), e);
    }
    if (!problems.isEmpty()) {
      throw new TruthFileException(file, problems);
    }
    return Clusters.of(persons);
  }

  private static String add(CSVRecord row, Map<RecordKey, String> persons) {
    if (row.size() != HEADER.size()) {
      return row.size() + " fields; expected " + HEADER.size() + " (" + String.join(",", HEADER)
          + ")";
    }
    String system = row.get(0);
    String sourceId = row.get(1);
    String person = row.get(2);
    if (system.isEmpty() || sourceId.isEmpty() || person.isEmpty()) {
      return "blank field; every line needs a source, a source_id and a person_id";
    }
    RecordKey key = new RecordKey(system, sourceId);
    String previous = persons.putIfAbsent(key, person);
    if (previous != null && !previous.equals(person)) {
      return "record " + key + " is given person " + person + " here and " + previous
          + " before";
    }
    return null;
  }
}

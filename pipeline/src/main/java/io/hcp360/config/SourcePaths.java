package io.hcp360.config;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Finds the files a path or glob names, and reads a file's header line. */
public final class SourcePaths {
  private SourcePaths() {}

  /**
   * The files matching {@code pattern} relative to {@code base}, in name order. Wildcards are
   * allowed in the file name only.
   */
  static List<Path> resolve(Path base, String pattern) throws IOException {
    Path path = base.resolve(pattern).normalize();
    Path dir = path.getParent();
    String name = path.getFileName().toString();
    if (dir != null && hasWildcard(dir.toString())) {
      throw new IOException("wildcards are allowed in the file name only, not in its folder");
    }
    if (!hasWildcard(name)) {
      return Files.isRegularFile(path) ? List.of(path) : List.of();
    }
    if (dir == null || !Files.isDirectory(dir)) {
      return List.of();
    }
    PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + name);
    List<Path> matches = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
      for (Path p : stream) {
        if (Files.isRegularFile(p) && matcher.matches(p.getFileName())) {
          matches.add(p);
        }
      }
    }
    matches.sort(null);
    return matches;
  }

  private static boolean hasWildcard(String s) {
    return s.contains("*") || s.contains("?") || s.contains("[") || s.contains("{");
  }

  /** The column names of a file: its header line, or the dialect's columns. */
  public static List<String> columns(Path file, Dialect dialect) throws IOException {
    if (!dialect.header()) {
      return dialect.columns();
    }
    Optional<String> first = firstLine(file, dialect);
    if (first.isEmpty()) {
      return List.of();
    }
    try (CSVParser parser = CSVParser.parse(new StringReader(first.get()), format(dialect))) {
      List<String> names = new ArrayList<>();
      for (CSVRecord record : parser) {
        record.forEach(v -> names.add(v.trim()));
        break;
      }
      return names;
    }
  }

  /** The CSV format of a dialect, for parsing one record's text. */
  public static CSVFormat format(Dialect dialect) {
    return CSVFormat.DEFAULT.builder()
        .setDelimiter(dialect.delimiter())
        .setQuote(dialect.quote().orElse(null))
        .setEscape(dialect.escape().orElse(null))
        .setIgnoreSurroundingSpaces(false)
        .setRecordSeparator("\n")
        .get();
  }

  private static Optional<String> firstLine(Path file, Dialect dialect) throws IOException {
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
      ByteArrayOutputStream line = new ByteArrayOutputStream();
      int b;
      while ((b = in.read()) != -1 && b != '\n') {
        line.write(b);
      }
      if (line.size() == 0 && b == -1) {
        return Optional.empty();
      }
      String text = line.toString(dialect.encoding());
      if (text.startsWith("\uFEFF")) {
        text = text.substring(1);
      }
      if (text.endsWith("\r")) {
        text = text.substring(0, text.length() - 1);
      }
      return Optional.of(text);
    }
  }
}

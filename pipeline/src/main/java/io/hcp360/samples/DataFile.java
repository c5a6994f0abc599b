package io.hcp360.samples;

import io.hcp360.Hcp360Exception;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads the generator's data files (name lists, cities ...) from the classpath. */
final class DataFile {
  private DataFile() {}

  /**
   * The non-blank, non-comment lines of a data file beside this class, each split on {@code sep}
   * (a regular expression) into trimmed parts.
   */
  static List<String[]> rows(String name, String sep) {
    return rows(name, sep, 0);
  }

  /** As {@link #rows(String, String)}, splitting into at most {@code limit} parts (0: no limit). */
  static List<String[]> rows(String name, String sep, int limit) {
    try (InputStream in = DataFile.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new Hcp360Exception("sample data file missing from the classpath: " + name);
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      List<String[]> rows = new ArrayList<>();
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] parts = line.trim().split(sep, limit);
        for (int i = 0; i < parts.length; i++) {
          parts[i] = parts[i].trim();
        }
        rows.add(parts);
      }
      return rows;
    } catch (IOException e) {
      throw new Hcp360Exception("cannot read sample data file " + name, e);
    }
  }
}

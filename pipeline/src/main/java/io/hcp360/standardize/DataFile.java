package io.hcp360.standardize;

import io.hcp360.Hcp360Exception;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A data file beside these classes: its lines, without blank lines and # comments. */
final class DataFile {
  private DataFile() {}

  static List<String> lines(String name) {
    try (InputStream in = DataFile.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new Hcp360Exception("data file " + name + " is missing from the classpath");
      }
      List<String> lines = new ArrayList<>();
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        String stripped = line.strip();
        if (!stripped.isEmpty() && !stripped.startsWith("#")) {
          lines.add(stripped);
        }
      }
      return lines;
    } catch (IOException e) {
      throw new Hcp360Exception("could not read data file " + name + ": " + e.getMessage(), e);
    }
  }
}

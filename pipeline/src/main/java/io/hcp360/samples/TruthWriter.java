package io.hcp360.samples;

import io.hcp360.Hcp360Exception;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes {@code truth.csv}: {@code source,source_id,person_id}, one line per distinct party
 * record. Callers add each (source, source_id) once.
 */
final class TruthWriter implements Closeable {
  static final String FILE = "truth.csv";

  private final BufferedWriter out;
  private final long[] perSystem = new long[SourceSystem.values().length];

  TruthWriter(Path root) {
    try {
      Files.createDirectories(root);
      out = Files.newBufferedWriter(root.resolve(FILE), StandardCharsets.UTF_8);
      out.write("source,source_id,person_id\n");
    } catch (IOException e) {
      throw new Hcp360Exception("cannot write " + root.resolve(FILE), e);
    }
  }

  void add(SourceSystem source, String sourceId, Person person) {
    try {
      out.write(source.folder());
      out.write(',');
      out.write(sourceId);
      out.write(',');
      out.write(person.id());
      out.write('\n');
      perSystem[source.ordinal()]++;
    } catch (IOException e) {
      throw new Hcp360Exception("cannot write " + FILE, e);
    }
  }

  /** Party records listed so far for the system. */
  long parties(SourceSystem s) {
    return perSystem[s.ordinal()];
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}

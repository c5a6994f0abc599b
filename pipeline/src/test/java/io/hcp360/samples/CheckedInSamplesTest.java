package io.hcp360.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checked-in {@code samples/} and {@code jobs/nightly.yaml} are what the generator makes
 * today: a generator change must come with regenerated samples (see samples/README.md).
 */
class CheckedInSamplesTest {
  private static final Path REPO = Path.of("..").toAbsolutePath().normalize();

  @TempDir Path tmp;

  @Test
  void samplesAreUpToDate() throws IOException {
    SampleGenerator.generate(new GeneratorSettings(300, 42, tmp.resolve("samples"),
        tmp.resolve("jobs/nightly.yaml"), 0.01));
    List<Path> generated;
    try (Stream<Path> files = Files.walk(tmp)) {
      generated = files.filter(Files::isRegularFile).map(tmp::relativize).sorted().toList();
    }
    assertThat(generated).hasSizeGreaterThan(10);
    for (Path f : generated) {
      assertThat(REPO.resolve(f)).as("checked in: " + f).exists();
      assertThat(Files.readAllBytes(REPO.resolve(f)))
          .as(f + " differs from a fresh run; regenerate as samples/README.md says")
          .isEqualTo(Files.readAllBytes(tmp.resolve(f)));
    }
  }
}

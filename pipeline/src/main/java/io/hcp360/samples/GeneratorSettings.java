package io.hcp360.samples;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What to generate.
 *
 * @param hcps the number of real persons
 * @param seed the seed; the same seed and size give byte-identical files
 * @param outDir the folder the system folders and truth.csv are written to
 * @param jobFile where the job file goes; its paths are relative to its folder
 * @param badRowRate the fraction of rows made bad (0 for none)
 */
public record GeneratorSettings(int hcps, long seed, Path outDir, Path jobFile, double badRowRate) {
  public GeneratorSettings {
    Objects.requireNonNull(outDir, "outDir");
    Objects.requireNonNull(jobFile, "jobFile");
    if (hcps < 1) {
      throw new IllegalArgumentException("hcps must be at least 1, was " + hcps);
    }
    if (!(badRowRate >= 0 && badRowRate <= 0.5)) {
      throw new IllegalArgumentException("bad-row rate must be between 0 and 0.5, was " + badRowRate);
    }
  }

  /** Settings with the job file at {@code outDir/job.yaml}. */
  public static GeneratorSettings of(int hcps, long seed, Path outDir, double badRowRate) {
    return new GeneratorSettings(hcps, seed, outDir, outDir.resolve("job.yaml"), badRowRate);
  }
}

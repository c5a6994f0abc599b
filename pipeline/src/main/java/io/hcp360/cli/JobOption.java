package io.hcp360.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The job file a command works on. */
final class JobOption {
  static final String DEFAULT = "jobs/nightly.yaml";

  @Option(names = "--job", paramLabel = "FILE", defaultValue = DEFAULT,
      description = "Job file (default: ${DEFAULT-VALUE}).")
  Path job;

  /**
   * The job file; the default one is looked up in the working folder, then in the hcp360
   * installation the launcher names.
   */
  Path resolve() {
    if (Files.exists(job) || !job.equals(Path.of(DEFAULT))) {
      return job;
    }
    String home = System.getProperty("hcp360.home");
    return home == null ? job : Path.of(home).resolve(DEFAULT);
  }
}

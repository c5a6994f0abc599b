package io.hcp360.cli;

import io.hcp360.samples.ExtractChanges;
import io.hcp360.samples.GenerationResult;
import io.hcp360.samples.GeneratorSettings;
import io.hcp360.samples.SampleGenerator;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code hcp360 generate}: writes sample extracts, their ground truth and a job file. */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description = "Write realistic extracts of the five source systems, with ground truth and a job file")
public final class GenerateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--hcps", paramLabel = "N", defaultValue = "1000",
      description = "Number of real persons (default: ${DEFAULT-VALUE}); about 2.5 party records each")
  int hcps;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "42",
      description = "Random seed; the same seed and size give identical files (default: ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--out", paramLabel = "DIR", required = true,
      description = "Folder to write the system folders (crm, mdm, events, email, samples) and truth.csv to")
  Path out;

  @Option(names = "--job-file", paramLabel = "PATH",
      description = "Where to write the job file (default: DIR/job.yaml); its paths are relative to its folder")
  Path jobFile;

  @Option(names = "--bad-rows", paramLabel = "RATE", defaultValue = "0.002",
      description = "Fraction of rows made bad, to exercise rejects (default: ${DEFAULT-VALUE}; 0 for none)")
  double badRows;

  @Option(names = "--changed", paramLabel = "PERCENT", defaultValue = "0",
      description = "Then change this percentage of the party records, as the next night's"
          + " extracts would differ: a third edited, a third deleted, a third added as copies"
          + " under new ids (default: ${DEFAULT-VALUE}). Generate, run, generate again with"
          + " --changed 1 and run again to try an incremental run.")
  double changed;

  @Override
  public Integer call() {
    GeneratorSettings settings;
    try {
      settings = new GeneratorSettings(hcps, seed, out, jobFile != null ? jobFile : out.resolve("job.yaml"), badRows);
      if (changed < 0 || changed > 100) {
        throw new IllegalArgumentException("--changed must be a percentage from 0 to 100: " + changed);
      }
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
    GenerationResult r = SampleGenerator.generate(settings);
    PrintWriter w = spec.commandLine().getOut();
    w.printf(Locale.ROOT, "Wrote %s (seed %d):%n", out, seed);
    for (Map.Entry<String, Long> e : r.rowsPerFile().entrySet()) {
      w.printf(Locale.ROOT, "  %-28s %,12d rows%n", e.getKey(), e.getValue());
    }
    w.printf(Locale.ROOT, "  %-28s %,12d party records%n", "truth.csv", r.totalPartyRecords());
    w.printf(Locale.ROOT, "  %-28s%n", settings.jobFile());
    w.printf(Locale.ROOT, "Persons:        %,d%n", r.persons());
    StringBuilder perSystem = new StringBuilder();
    r.partyRecords().forEach((system, n) ->
        perSystem.append(perSystem.isEmpty() ? "" : ", ").append(String.format(Locale.ROOT, "%s %,d", system, n)));
    w.printf(Locale.ROOT, "Party records:  %,d (%s)%n", r.totalPartyRecords(), perSystem);
    w.printf(Locale.ROOT, "Activities:     %,d%n", r.activities());
    w.printf(Locale.ROOT, "Bad rows:       %,d of %,d%s%n", r.badRows(), r.totalRows(),
        r.badRowsByKind().isEmpty() ? "" : " " + r.badRowsByKind());
    if (changed > 0) {
      ExtractChanges.Result c = ExtractChanges.apply(out,
          (int) Math.round(r.totalPartyRecords() * changed / 100), seed);
      w.printf(Locale.ROOT, "Changed:        %,d party rows (%,d edited, %,d deleted, %,d added)%n",
          c.total(), c.edited(), c.deleted(), c.added());
    }
    w.printf(Locale.ROOT, "Elapsed:        %.1f s%n", r.elapsed().toMillis() / 1000.0);
    w.flush();
    return 0;
  }
}

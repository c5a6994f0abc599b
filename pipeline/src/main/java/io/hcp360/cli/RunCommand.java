package io.hcp360.cli;

import io.hcp360.config.JobConfig;
import io.hcp360.config.JobConfigLoader;
import io.hcp360.consent.MarketRulesLoader;
import io.hcp360.db.Database;
import io.hcp360.job.JobRunner;
import io.hcp360.job.RunResult;
import io.hcp360.match.rules.RuleSet;
import io.hcp360.match.rules.RuleSetLoader;
import io.hcp360.standardize.Countries;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "run", mixinStandardHelpOptions = true,
    description = "Run a job (default: the nightly job): ingest, standardize, match, cluster,"
        + " golden records, consent, activities, quality gates, publish, report. Resumes the job's"
        + " last run if it failed. A new run is incremental: it standardizes, matches and"
        + " regroups only the source records that are new, changed or gone since the last run"
        + " (--full rebuilds).")
final class RunCommand implements Callable<Integer> {
  @Mixin JobOption job;
  @Mixin DatabaseOptions database;

  @Option(names = "--fresh",
      description = "Start a new run even if the last one failed (it is abandoned, not resumed).")
  boolean fresh;

  @Option(names = "--accept-gates",
      description = "Publish even if a quality gate is over its limit. Resumes the last run if a"
          + " gate stopped it, so that it publishes as it is.")
  boolean acceptGates;

  @Option(names = "--full",
      description = "Standardize, match and cluster every record again instead of only what"
          + " changed since the last run. The result is the same; a full run takes longer.")
  boolean full;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    // Read (or gathered) while the database starts and the job is read (0.45 s the
    // standardize step would otherwise wait for).
    Countries.gatherNativeNamesInBackground(database.settings(0).home().resolve("cache"));
    JobConfig config = JobConfigLoader.load(job.resolve());
    RuleSet rules = RuleSetLoader.load(config.rules());
    MarketRulesLoader.load(MarketRulesLoader.folderOf(config.file())); // fail before the run
    PrintWriter out = spec.commandLine().getOut();
    try (Database db = Database.open(database.settings(0))) {
      out.println("hcp360: job " + config.name() + " (" + config.file() + "), rules "
          + rules.label() + ", on " + db.description());
      out.flush();
      RunResult result = new JobRunner(db).run(config, rules, fresh, acceptGates, full);
      new RunSummary(result).print(out);
      result.report().ifPresent(report -> out.printf("%n  report: %s%n", report));
      out.flush();
      return result.completed() ? 0 : 1;
    }
  }
}

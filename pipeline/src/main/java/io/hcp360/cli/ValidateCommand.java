package io.hcp360.cli;

import io.hcp360.config.JobConfig;
import io.hcp360.config.JobConfigLoader;
import io.hcp360.config.SourceFile;
import io.hcp360.consent.MarketRules;
import io.hcp360.consent.MarketRulesLoader;
import io.hcp360.match.rules.RuleSet;
import io.hcp360.match.rules.RuleSetLoader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "validate", mixinStandardHelpOptions = true,
    description = "Check a job file without running it: every problem, with file and line.")
final class ValidateCommand implements Callable<Integer> {
  @Mixin JobOption job;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    JobConfig config = JobConfigLoader.load(job.resolve());
    RuleSet rules = RuleSetLoader.load(config.rules());
    Path marketFolder = MarketRulesLoader.folderOf(config.file());
    Map<String, MarketRules> markets = MarketRulesLoader.load(marketFolder);
    PrintWriter out = spec.commandLine().getOut();
    out.printf("%s: job %s is valid%n", config.file(), config.name());
    out.println(config.schedule().map(s -> "  schedule: cron \"" + s.cron() + "\" in "
        + s.timeZone() + ", misfire " + s.misfire().key() + " (hcp360 schedule)")
        .orElse("  no schedule: runs only with 'hcp360 run'"));
    out.printf("%s: rule set %s is valid: %d fields, %d blocking rules, %d comparisons%n",
        rules.file(), rules.label(), rules.fields().size(), rules.blocking().size(),
        rules.comparisons().size());
    out.printf("%s: %s%n", marketFolder, markets.isEmpty()
        ? "no market rules: no channel eligibility is computed"
        : "market rules are valid: " + String.join(", ", markets.values().stream()
            .map(m -> m.market() + " " + m.regime().key()).toList()));
    for (SourceFile source : config.sources()) {
      out.printf("  %-28s %s (%d file%s) -> %s%n", source.label(), source.pathPattern(),
          source.paths().size(), source.paths().size() == 1 ? "" : "s",
          String.join(", ", source.facets().stream().map(f -> f.facet().key()).toList()));
    }
    return 0;
  }
}

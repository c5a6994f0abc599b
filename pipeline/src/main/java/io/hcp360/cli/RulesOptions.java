package io.hcp360.cli;

import io.hcp360.config.JobConfigLoader;
import io.hcp360.match.rules.RuleSet;
import io.hcp360.match.rules.RuleSetLoader;
import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The rule set a command works with: the one given, or the job file's. */
final class RulesOptions {
  @Mixin JobOption job;

  @Option(names = "--rules", paramLabel = "FILE",
      description = "Matching rule set (default: the job file's, matching-rules/hcp.yaml).")
  Path rules;

  RuleSet load() {
    Path file = rules != null ? rules : JobConfigLoader.load(job.resolve()).rules();
    return RuleSetLoader.load(file);
  }
}

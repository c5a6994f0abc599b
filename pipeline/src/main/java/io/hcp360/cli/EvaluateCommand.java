package io.hcp360.cli;

import io.hcp360.config.JobConfig;
import io.hcp360.config.JobConfigLoader;
import io.hcp360.db.Database;
import io.hcp360.evaluate.Clusters;
import io.hcp360.evaluate.Evaluation;
import io.hcp360.evaluate.ExamplePairs;
import io.hcp360.evaluate.PublishedStore;
import io.hcp360.evaluate.RecordKey;
import io.hcp360.evaluate.RecordPair;
import io.hcp360.evaluate.Truth;
import io.hcp360.job.JobRunner;
import io.hcp360.job.RunResult;
import io.hcp360.match.rules.RuleSet;
import io.hcp360.match.rules.RuleSetLoader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "evaluate", mixinStandardHelpOptions = true,
    description = "Compare the published golden records with a ground truth (source,source_id,"
        + "person_id): pairwise and B-cubed precision, recall and F1, by source pair, the size"
        + " of the review band, and examples of false merges and missed matches.")
final class EvaluateCommand implements Callable<Integer> {
  @Mixin DatabaseOptions database;
  @Mixin JobOption job;

  @Option(names = "--truth", paramLabel = "FILE", required = true,
      description = "Ground truth CSV with the header source,source_id,person_id"
          + " (for example samples/truth.csv).")
  Path truth;

  @Option(names = "--run-first",
      description = "Run the job (--job, default: the nightly job) before evaluating.")
  boolean runFirst;

  @Option(names = "--examples", paramLabel = "N", defaultValue = "5",
      description = "Show up to N false merges and N missed matches (default ${DEFAULT-VALUE}).")
  int examples;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    if (examples < 0) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(),
          "--examples must not be negative: " + examples);
    }
    Clusters trueClusters = Truth.load(truth);
    JobConfig config = runFirst ? JobConfigLoader.load(job.resolve()) : null;
    RuleSet rules = config == null ? null : RuleSetLoader.load(config.rules());
    PrintWriter out = spec.commandLine().getOut();
    try (Database db = Database.open(database.settings(0))) {
      if (config != null) {
        RunResult result = new JobRunner(db).run(config, rules, false);
        new RunSummary(result).print(out);
        out.println();
        out.flush();
        if (!result.completed()) {
          out.println("the run did not complete; nothing evaluated");
          return 1;
        }
      }
      PublishedStore store = new PublishedStore(db.jdbi());
      Clusters published = store.clusters();
      Evaluation evaluation = Evaluation.of(trueClusters, published);
      List<RecordPair> falseMerges = ExamplePairs.falseMerges(trueClusters, published, examples);
      List<RecordPair> missed = ExamplePairs.missedMatches(trueClusters, published, examples);
      TreeSet<RecordKey> shown = new TreeSet<>();
      Stream.concat(falseMerges.stream(), missed.stream())
          .forEach(p -> shown.addAll(List.of(p.left(), p.right())));
      new EvaluationReport(truth, evaluation, store.reviewBand(), falseMerges, missed,
          store.parties(shown), examples).print(out);
      out.flush();
      return 0;
    }
  }
}

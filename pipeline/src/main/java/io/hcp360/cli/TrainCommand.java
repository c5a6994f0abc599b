package io.hcp360.cli;

import io.hcp360.db.Database;
import io.hcp360.evaluate.RecordKey;
import io.hcp360.match.MatchModel;
import io.hcp360.match.MatchSummary;
import io.hcp360.match.Matcher;
import io.hcp360.match.PairDecision;
import io.hcp360.match.blocking.LuceneBlocker;
import io.hcp360.match.blocking.PairList;
import io.hcp360.match.data.PartyData;
import io.hcp360.match.data.TermFrequencies;
import io.hcp360.match.rules.Comparison;
import io.hcp360.match.rules.RuleSet;
import io.hcp360.match.scoring.ActiveLearning;
import io.hcp360.match.scoring.Parameters;
import io.hcp360.match.scoring.ParametersFile;
import io.hcp360.match.scoring.Scorer;
import io.hcp360.steward.StewardLabels;
import java.io.PrintWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "train", mixinStandardHelpOptions = true,
    description = "Estimate the matcher's m and u from the last run's records (u from random"
        + " pairs, m by EM, refined with the steward's approvals) and save them beside the rule"
        + " set; show how the new parameters move the merge queue.")
final class TrainCommand implements Callable<Integer> {
  @Mixin RulesOptions rules;
  @Mixin DatabaseOptions database;
  @Spec CommandSpec spec;

  @Option(names = "--suggest", paramLabel = "N", defaultValue = "0",
      description = "Also list the N unlabelled pairs whose labels would teach the model most"
          + " (match probability nearest 0.5, spread over the comparisons' levels).")
  int suggest;

  @Override
  public Integer call() {
    RuleSet ruleSet = rules.load();
    PrintWriter out = spec.commandLine().getOut();
    try (Database db = Database.open(database.settings(0))) {
      Optional<PartyData> loaded = LastRun.partyData(db, ruleSet, out);
      if (loaded.isEmpty()) {
        return 1;
      }
      PartyData data = loaded.get();
      List<StewardLabels.Label> labels = StewardLabels.load(db.jdbi());
      int[][] matches = labels.stream().filter(StewardLabels.Label::match)
          .map(l -> new int[] {l.a(), l.b()}).toArray(int[][]::new);
      Parameters before = ParametersFile.read(ruleSet).orElse(Parameters.initial(ruleSet));
      LuceneBlocker.Result blocked = MatchModel.block(ruleSet, data);
      Parameters parameters = MatchModel.train(ruleSet, data, blocked, matches);
      out.printf("trained %s on %,d records: %.3f matching pairs per record; m refined with %d"
              + " steward approvals (%d rejections are not used for m)%n", ruleSet.label(),
          data.size(), parameters.matchesPerRecord(), matches.length,
          labels.size() - matches.length);
      for (int c = 0; c < ruleSet.comparisons().size(); c++) {
        Comparison comparison = ruleSet.comparisons().get(c);
        out.printf("  %s%n", comparison.name());
        for (int l = 0; l < comparison.levels().size(); l++) {
          double m = parameters.m()[c][l];
          double u = parameters.u()[c][l];
          out.printf("    %-28s m %.4f  u %.6f  weight %+6.2f%n",
              comparison.levels().get(l).label(), m, u, Math.log(m / u) / Math.log(2));
        }
      }
      out.println("saved to " + ruleSet.trainedFile());
      db.jdbi().useHandle(h -> TermFrequencies.forget(h, ruleSet.label()));
      out.println("term frequencies forgotten: the next run is a full one and takes them from"
          + " its records");
      out.println();
      queueShift(out, ruleSet, data, blocked, labels, before, parameters);
      if (suggest > 0) {
        out.println();
        suggestions(out, db, ruleSet, data, blocked, labels, parameters);
      }
      return 0;
    }
  }

  /** How the parameters move the thresholds' outcome: matches and queue size, before and after. */
  private static void queueShift(PrintWriter out, RuleSet rules, PartyData data,
      LuceneBlocker.Result blocked, List<StewardLabels.Label> labels, Parameters before,
      Parameters after) {
    Map<Long, Boolean> labelled = new HashMap<>();
    labels.forEach(l -> labelled.put(PairList.pack(l.a(), l.b()), l.match()));
    int[][] counts = new int[2][4];
    MatchSummary old = new Matcher(rules, before, data).run(blocked, false,
        (a, b, score, decision, reason, levels, weights) -> count(counts[0], labelled, a, b,
            decision));
    MatchSummary now = new Matcher(rules, after, data).run(blocked, false,
        (a, b, score, decision, reason, levels, weights) -> count(counts[1], labelled, a, b,
            decision));
    out.printf("How the thresholds (review %.2f, match %.2f) would sort the %,d candidate"
            + " pairs:%n", rules.thresholds().review(), rules.thresholds().match(),
        blocked.pairs().size());
    out.printf("  %-34s %12s %12s%n", "", "before", "after");
    out.printf("  %-34s %,12d %,12d%n", "matches", old.matches(), now.matches());
    out.printf("  %-34s %,12d %,12d%n", "merge queue (review band)", old.reviews(),
        now.reviews());
    out.printf("  %-34s %,12d %,12d%n", "approved pairs matched", counts[0][0], counts[1][0]);
    out.printf("  %-34s %,12d %,12d%n", "approved pairs in review", counts[0][1], counts[1][1]);
    out.printf("  %-34s %,12d %,12d%n", "rejected pairs matched", counts[0][2], counts[1][2]);
    out.printf("  %-34s %,12d %,12d%n", "rejected pairs in review", counts[0][3], counts[1][3]);
  }

  private static void count(int[] counts, Map<Long, Boolean> labelled, int a, int b,
      PairDecision decision) {
    Boolean match = labelled.get(PairList.pack(a, b));
    if (match != null) {
      counts[(match ? 0 : 2) + (decision == PairDecision.MATCH ? 0 : 1)]++;
    }
  }

  private void suggestions(PrintWriter out, Database db, RuleSet rules, PartyData data,
      LuceneBlocker.Result blocked, List<StewardLabels.Label> labels, Parameters parameters) {
    Set<Long> labelled = labels.stream().map(l -> PairList.pack(l.a(), l.b()))
        .collect(Collectors.toSet());
    List<ActiveLearning.Suggestion> picked = ActiveLearning.suggest(
        new Scorer(rules, parameters, data), blocked.pairs(), labelled, suggest);
    Map<Integer, RecordKey> keys = StewardLabels.keys(db.jdbi(), picked.stream()
        .flatMapToInt(s -> java.util.stream.IntStream.of(s.a(), s.b())).toArray());
    out.printf("The %d unlabelled pairs a label would teach most (probability nearest 0.5, one"
        + " per pattern of levels first); label them with `steward approve|reject ITEM` or"
        + " `steward link|split A B`:%n", picked.size());
    for (ActiveLearning.Suggestion s : picked) {
      RecordKey a = keys.get(s.a());
      RecordKey b = keys.get(s.b());
      out.printf("  p %.2f  score %+6.2f  %s ~ %s%s%n", s.probability(), s.score(), a, b,
          StewardLabels.itemOf(db.jdbi(), a, b).map(id -> "  (item " + id + ")").orElse(""));
    }
  }
}

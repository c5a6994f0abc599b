package io.hcp360.cli;

import io.hcp360.db.Database;
import io.hcp360.match.MatchModel;
import io.hcp360.match.blocking.BlockingReport;
import io.hcp360.match.data.PartyData;
import io.hcp360.match.rules.RuleSet;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "blocking-report", mixinStandardHelpOptions = true,
    description = "Before any scoring: the candidate pairs each blocking rule makes, its largest"
        + " blocks, the blocks over the cap, and the fuzzy look-ups.")
final class BlockingReportCommand implements Callable<Integer> {
  @Mixin RulesOptions rules;
  @Mixin DatabaseOptions database;
  @Spec CommandSpec spec;

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
      BlockingReport report = MatchModel.block(ruleSet, data).report();
      print(out, ruleSet, report);
      return 0;
    }
  }

  static void print(PrintWriter out, RuleSet rules, BlockingReport report) {
    long all = (long) report.records() * (report.records() - 1) / 2;
    out.printf("Blocking with %s over %,d records (%,d possible pairs)%n%n", rules.label(),
        report.records(), all);
    out.printf("  %-28s %10s %14s %10s%n", "rule", "blocks", "pairs", "capped");
    for (BlockingReport.RuleFigures rule : report.rules()) {
      out.printf("  %-28s %,10d %,14d %,10d%n", rule.rule(), rule.blocks(), rule.pairs(),
          rule.capped().size());
    }
    BlockingReport.FuzzyFigures fuzzy = report.fuzzy();
    out.printf("  %-28s %10s %,14d %10s   (%,d records unpaired by the rules, %,d searched,"
        + " %,d found candidates)%n", "fuzzy look-ups", "", fuzzy.pairs(), "",
        fuzzy.orphans(), fuzzy.searched(), fuzzy.found());
    out.printf("  %-28s %10s %,14d   (%.4f%% of all pairs)%n%n", "distinct pairs", "",
        report.pairs(), all == 0 ? 0 : 100.0 * report.pairs() / all);
    for (BlockingReport.RuleFigures rule : report.rules()) {
      out.printf("  largest blocks of %s:", rule.rule());
      rule.largest().forEach(b -> out.printf(" %s (%,d)", b.key(), b.size()));
      out.println();
      if (!rule.capped().isEmpty()) {
        out.printf("    over the cap of %,d, not paired: %,d blocks, %,d records; e.g.",
            rules.blockCap(), rule.capped().size(), rule.cappedRecords());
        rule.capped().stream().limit(5).forEach(b -> out.printf(" %s (%,d)", b.key(), b.size()));
        out.println();
      }
    }
  }
}

package io.hcp360.cli;

import io.hcp360.db.Database;
import io.hcp360.match.MatchModel;
import io.hcp360.match.blocking.LuceneBlocker;
import io.hcp360.match.data.PartyData;
import io.hcp360.match.rules.Comparison;
import io.hcp360.match.rules.RuleSet;
import io.hcp360.match.scoring.Parameters;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "train", mixinStandardHelpOptions = true,
    description = "Estimate the matcher's m and u from the last run's records (u from random"
        + " pairs, m by EM) and save them beside the rule set.")
final class TrainCommand implements Callable<Integer> {
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
      LuceneBlocker.Result blocked = MatchModel.block(ruleSet, data);
      Parameters parameters = MatchModel.train(ruleSet, data, blocked);
      out.printf("trained %s on %,d records: %.3f matching pairs per record%n", ruleSet.label(),
          data.size(), parameters.matchesPerRecord());
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
      return 0;
    }
  }
}

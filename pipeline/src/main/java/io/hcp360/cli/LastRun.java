package io.hcp360.cli;

import io.hcp360.db.Database;
import io.hcp360.match.MatchModel;
import io.hcp360.match.data.PartyData;
import io.hcp360.match.rules.RuleSet;
import java.io.PrintWriter;
import java.util.Optional;

/** The standardized party records of the last run, for commands that study them. */
final class LastRun {
  private LastRun() {}

  /** The rule set's fields of every party record, or empty (and a hint) when there are none. */
  static Optional<PartyData> partyData(Database db, RuleSet rules, PrintWriter out) {
    PartyData data = MatchModel.load(db.jdbi(), rules);
    if (data.size() == 0) {
      out.println("no party records yet: run a job first (./hcp360 run)");
      return Optional.empty();
    }
    return Optional.of(data);
  }
}

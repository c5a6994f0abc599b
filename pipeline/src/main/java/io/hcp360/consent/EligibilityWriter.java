package io.hcp360.consent;

import io.hcp360.db.CopyBuffer;
import io.hcp360.db.Sql;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.postgresql.copy.CopyManager;

/**
 * Decides every channel and purpose of one golden HCP at a time and sends the rows to
 * {@code hcp.channel_eligibility} with COPY; counts what it wrote.
 */
final class EligibilityWriter {
  private static final int FLUSH_BYTES = 8 << 20;

  private final long runId;
  private final Map<String, MarketRules> markets;
  private final Instant asOf;
  private final CopyManager copy;
  private final CopyBuffer out =
      new CopyBuffer(Sql.load(EligibilityWriter.class, "copy-channel_eligibility"));
  private long hcps;
  private long eligible;

  EligibilityWriter(long runId, Map<String, MarketRules> markets, Instant asOf, CopyManager copy) {
    this.runId = runId;
    this.markets = markets;
    this.asOf = asOf;
    this.copy = copy;
  }

  /** One golden HCP: the rows of its market's channels and purposes. */
  void hcp(String goldenId, String country, List<ConsentFact> facts) throws SQLException {
    MarketRules market = country == null ? null : markets.get(country);
    if (market == null) {
      throw new IllegalArgumentException("no market rules for " + goldenId + " in " + country);
    }
    hcps++;
    for (String channel : market.channels()) {
      for (String purpose : market.purposes()) {
        Eligibility answer = EligibilityRules.decide(market, channel, purpose, facts, asOf);
        if (answer.eligible()) {
          eligible++;
        }
        out.value(runId).value(goldenId).value(channel).value(purpose)
            .value(answer.eligible() ? "t" : "f").value(answer.reason())
            .value(EvidenceJson.of(answer.evidence())).value(market.market()).endRow();
      }
    }
    if (out.size() > FLUSH_BYTES) {
      out.flush(copy);
    }
  }

  void finish() throws SQLException {
    out.flush(copy);
  }

  long hcps() {
    return hcps;
  }

  long rows() {
    return out.rows();
  }

  long eligible() {
    return eligible;
  }
}

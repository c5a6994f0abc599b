package io.hcp360.consent;

import io.hcp360.Hcp360Exception;
import io.hcp360.db.CopyBuffer;
import io.hcp360.db.Sql;
import io.hcp360.run.RunContext;
import io.hcp360.run.Stage;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consolidates the run's consent facts per golden HCP, channel and purpose under the rules of
 * the HCP's market ({@code markets/*.yaml} beside the job file) into
 * {@code hcp.channel_eligibility}; facts that reach no golden HCP go to
 * {@code hcp.unlinked_consent}. Then measures what that changes in the current publish's
 * eligibility ({@code hcp.consent_change}, for the run report). One transaction: a restart
 * gives the same rows.
 */
public final class ConsentStage implements Stage {
  private static final Logger LOG = LoggerFactory.getLogger(ConsentStage.class);

  @Override
  public String name() {
    return "consent";
  }

  @Override
  public void run(RunContext run) {
    Map<String, MarketRules> markets =
        MarketRulesLoader.load(MarketRulesLoader.folderOf(run.job().file()));
    if (markets.isEmpty()) {
      LOG.warn("  no market rules in {}: no channel eligibility is computed",
          MarketRulesLoader.folderOf(run.job().file()));
    }
    run.jdbi().useTransaction(handle -> {
      // The step runs beside the activities step (NightlyJob): parallel workers would take the
      // core that step uses. Looking for unlinked facts at 1,000,000 records: 0.5 s alone on
      // one core, 0.45 s on three processes (1.2 s of processor time).
      handle.execute("set local max_parallel_workers_per_gather = 0");
      ConsentDao dao = handle.attach(ConsentDao.class);
      dao.clear();
      dao.clearRegimes();
      markets.values().forEach(m -> dao.regime(m.market(), m.regime().key()));
      dao.clearUnlinked(run.runId());
      int unlinked = dao.keepUnlinked(run.runId());
      if (unlinked > 0) {
        LOG.warn("  {} consent facts name a party record that is unknown: kept in"
            + " hcp.unlinked_consent", String.format("%,d", unlinked));
      }
      Instant asOf = dao.startedAt(run.runId()).orElseGet(Instant::now);
      try {
        EligibilityWriter writer = new EligibilityWriter(run.runId(), markets, asOf,
            CopyBuffer.copyManager(handle));
        String[] ruled = markets.keySet().toArray(String[]::new);
        write(handle, ruled, writer);
        LOG.info("  {} eligibility rows for {} golden HCPs ({} eligible)",
            String.format("%,d", writer.rows()), String.format("%,d", writer.hcps()),
            String.format("%,d", writer.eligible()));
        Map<String, Integer> withoutMarket = new TreeMap<>();
        dao.withoutMarket(ruled).forEach(c -> withoutMarket.put(c.country(), c.hcps()));
        if (!withoutMarket.isEmpty()) {
          LOG.warn("  golden HCPs without market rules, by country (no eligibility rows): {}",
              withoutMarket);
        }
      } catch (SQLException e) {
        throw new Hcp360Exception("could not write channel eligibility: " + e.getMessage(), e);
      }
      dao.clearConsentChange(run.runId());
      dao.consentChange(run.runId());
    });
  }

  /**
   * Streams golden-consent.sql over the golden HCPs of the markets with rules and hands each
   * one's facts to the writer.
   */
  private static void write(Handle handle, String[] markets, EligibilityWriter writer)
      throws SQLException {
    try (Stream<FactRow> rows = handle.createQuery(Sql.load(ConsentStage.class, "golden-consent"))
        .bind("markets", markets)
        .setFetchSize(10_000)
        .registerRowMapper(ConstructorMapper.factory(FactRow.class))
        .mapTo(FactRow.class)
        .stream()) {
      Iterator<FactRow> it = rows.iterator();
      FactRow current = null;
      List<ConsentFact> facts = new ArrayList<>();
      while (it.hasNext()) {
        FactRow row = it.next();
        if (current != null && !current.goldenId().equals(row.goldenId())) {
          writer.hcp(current.goldenId(), current.country(), facts);
          facts.clear();
        }
        current = row;
        if (row.hasFact()) {
          facts.add(row.fact());
        }
      }
      if (current != null) {
        writer.hcp(current.goldenId(), current.country(), facts);
      }
      writer.finish();
    }
  }
}

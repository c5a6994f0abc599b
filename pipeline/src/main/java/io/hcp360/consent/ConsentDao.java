package io.hcp360.consent;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL of the consent stage (the long queries are golden-consent.sql and consentChange.sql). */
interface ConsentDao {

  /** When the run started: expiry is measured then, so a restarted run gives the same answer. */
  /** How many golden HCPs a country without consent rules has (no eligibility rows). */
  record CountryCount(String country, int hcps) {}

  /** The golden HCPs outside the markets with rules, by country ("(no country)" for none). */
  @SqlQuery("""
      select coalesce(country, '(no country)') as country, count(*) as hcps
      from hcp.golden_record
      where country is null or not (country = any(:markets))
      group by 1 order by 1""")
  @RegisterConstructorMapper(CountryCount.class)
  List<CountryCount> withoutMarket(@Bind("markets") String[] markets);

  @SqlQuery("select started_at from hcp.run where run_id = :runId")
  Optional<Instant> startedAt(@Bind("runId") long runId);

  @SqlUpdate("truncate hcp.channel_eligibility")
  void clear();

  @SqlUpdate("delete from hcp.unlinked_consent where run_id = :runId")
  void clearUnlinked(@Bind("runId") long runId);

  /**
   * Keeps the run's consent facts that reach no golden HCP; returns how many. The golden step
   * (before this one) makes every party record a member of one golden HCP, so a fact reaches one
   * when the party record it names exists: looked up by its key, without joining the golden
   * members (at 1,000,000 records, alone: 0.47 s instead of 0.85 s).
   */
  @SqlUpdate("""
      insert into hcp.unlinked_consent (run_id, system, file_name, path, line, party_source_id,
        channel, status, purpose, stated_at)
      select :runId, c.system, c.file_name, c.path, c.line, c.party_source_id, c.channel,
        c.status, c.purpose, c.stated_at
      from hcp.staged_consent c
      where not exists (
        select 1 from hcp.party p
        where p.system = c.system and p.source_id = c.party_source_id)""")
  int keepUnlinked(@Bind("runId") long runId);

  @SqlUpdate("delete from hcp.consent_change where run_id = :runId")
  void clearConsentChange(@Bind("runId") long runId);

  /**
   * Channel eligibility of this run against the current publish, into hcp.consent_change (for
   * the run report).
   */
  @SqlUpdate
  @UseClasspathSqlLocator
  void consentChange(@Bind("runId") long runId);

  @SqlUpdate("delete from publish.market_regime")
  void clearRegimes();

  @SqlUpdate("insert into publish.market_regime (market, regime) values (:market, :regime)")
  void regime(@Bind("market") String market, @Bind("regime") String regime);
}

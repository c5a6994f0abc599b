package io.hcp360.publish;

import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL of the publish stage; run in one transaction so readers see all or nothing of it. */
interface PublishDao {

  @SqlUpdate("lock table publish.hcp_xref, publish.hcp, publish.channel_eligibility"
      + " in exclusive mode")
  void lock();

  @SqlUpdate("delete from publish.hcp_xref")
  void clearXref();

  @SqlUpdate("""
      insert into publish.hcp_xref (golden_id, source, source_id, run_id)
      select m.golden_id, p.system, p.source_id, :runId
      from hcp.golden_member m join hcp.party p using (party_id)""")
  int xref(@Bind("runId") long runId);

  @SqlUpdate("delete from publish.hcp")
  void clearHcp();

  @SqlUpdate("""
      insert into publish.hcp (golden_id, first_name, middle_name, last_name, credential,
        specialty, npi, email, phone, city, postal_code, country, record_count, run_id)
      select golden_id, first_name, middle_name, last_name, credential, specialty, npi, email,
        phone, city, postal_code, country, member_count, :runId
      from hcp.golden_record""")
  int hcp(@Bind("runId") long runId);

  @SqlUpdate("delete from publish.channel_eligibility")
  void clearChannelEligibility();

  @SqlUpdate("""
      insert into publish.channel_eligibility (golden_id, channel, purpose, eligible, reason,
        evidence, market, run_id)
      select golden_id, channel, purpose, eligible, reason, evidence, market, :runId
      from hcp.channel_eligibility""")
  int channelEligibility(@Bind("runId") long runId);
}

package io.hcp360.match;

import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * Deterministic matching in SQL: records sharing a valid NPI, or a normalised email, are linked.
 * Each group is linked as a star to its smallest record, which connects it with n - 1 pairs
 * instead of n²/2, however large the group.
 */
interface MatchDao {

  @SqlUpdate("truncate hcp.match_pair")
  void clear();

  @SqlUpdate("""
      insert into hcp.match_pair (run_id, left_id, right_id, score, probability, decision, reason,
        explanation, rule_set)
      select :runId, hub, party_id, 0, 1, 'match', 'same_valid_npi', '[]', 'deterministic'
      from (select party_id, min(party_id) over (partition by npi) as hub
            from hcp.party where npi_valid) p
      where party_id <> hub
      on conflict do nothing""")
  int sameValidNpi(@Bind("runId") long runId);

  @SqlUpdate("""
      insert into hcp.match_pair (run_id, left_id, right_id, score, probability, decision, reason,
        explanation, rule_set)
      select :runId, hub, party_id, 0, 1, 'match', 'same_email', '[]', 'deterministic'
      from (select party_id, min(party_id) over (partition by email) as hub
            from hcp.party where email is not null) p
      where party_id <> hub
      on conflict do nothing""")
  int sameEmail(@Bind("runId") long runId);
}

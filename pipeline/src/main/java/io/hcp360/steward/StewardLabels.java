package io.hcp360.steward;

import io.hcp360.evaluate.RecordKey;
import io.hcp360.match.data.PartyData;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * The steward's decisions as training labels over the last run's records: approvals and links
 * are matches; rejections, splits and unmerges non-matches. Only decisions in force (active)
 * whose two records are both in the last run count.
 */
public final class StewardLabels {

  /** A labelled pair of {@link PartyData} record numbers. */
  public record Label(int a, int b, boolean match) {}

  private StewardLabels() {}

  public static List<Label> load(Jdbi jdbi) {
    return jdbi.withExtension(Dao.class, Dao::labels).stream()
        .map(r -> new Label(PartyData.record(r.leftParty()), PartyData.record(r.rightParty()),
            r.mustLink()))
        .toList();
  }

  /** The source records of the last run's record numbers. */
  public static Map<Integer, RecordKey> keys(Jdbi jdbi, int[] records) {
    int[] partyIds = java.util.Arrays.stream(records).map(PartyData::partyId).toArray();
    Map<Integer, RecordKey> keys = new HashMap<>();
    for (Dao.Party p : jdbi.withExtension(Dao.class, dao -> dao.parties(partyIds))) {
      keys.put(PartyData.record(p.partyId()), new RecordKey(p.system(), p.sourceId()));
    }
    return keys;
  }

  /** The queue item of a pair, if it has one. */
  public static java.util.Optional<Long> itemOf(Jdbi jdbi, RecordKey a, RecordKey b) {
    RecordKey left = a.compareTo(b) < 0 ? a : b;
    RecordKey right = left == a ? b : a;
    return jdbi.withExtension(StewardDao.class, dao -> dao.itemOf(left, right));
  }

  interface Dao {
    record Row(int leftParty, int rightParty, boolean mustLink) {}

    @SqlQuery("""
        select l.party_id as left_party, r.party_id as right_party,
          d.kind = 'must_link' as must_link
        from hcp.steward_decision d
        join hcp.party l on l.system = d.left_system and l.source_id = d.left_source_id
        join hcp.party r on r.system = d.right_system and r.source_id = d.right_source_id
        where d.status = 'active'
        order by d.decision_id""")
    @RegisterConstructorMapper(Row.class)
    List<Row> labels();

    record Party(int partyId, String system, String sourceId) {}

    @SqlQuery("select party_id, system, source_id from hcp.party where party_id = any(:ids)")
    @RegisterConstructorMapper(Party.class)
    List<Party> parties(@Bind("ids") int[] partyIds);
  }
}

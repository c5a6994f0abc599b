package io.hcp360.cluster;

import io.hcp360.match.data.PartyData;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which of the records an incremental run regrouped are in a cluster that changed: every record
 * of a cluster, before or after, that a record joined or left, or in which a record was added,
 * changed or deleted (its golden record is chosen again). That set is whole clusters on both sides, so the golden step can give golden
 * IDs and golden records to it alone; a record whose cluster stayed as it was (steward
 * decisions' records are regrouped every run) is not listed, and nothing downstream redoes it.
 */
final class ClusterChanges {
  private ClusterChanges() {}

  /** A record's cluster before the run. */
  record Member(int partyId, int clusterId) {}

  /**
   * @param before the region's records' clusters before the run (party ids)
   * @param edited the party ids of the records the run added, changed or deleted
   * @param region the regrouped records
   * @param data which records are there now
   * @param cluster each record's cluster now (record numbers)
   * @return the party ids of the records in changed clusters
   */
  static int[] changed(List<Member> before, Set<Integer> edited, BitSet region, PartyData data,
      int[] cluster) {
    Map<Integer, Integer> was = new HashMap<>();
    for (Member m : before) {
      was.put(m.partyId(), m.clusterId());
    }
    Set<Integer> changedBefore = new HashSet<>();
    Set<Integer> changedNow = new HashSet<>();
    for (int r = region.nextSetBit(0); r >= 0; r = region.nextSetBit(r + 1)) {
      Integer then = was.get(PartyData.partyId(r));
      Integer now = present(data, r, cluster) ? PartyData.partyId(cluster[r]) : null;
      if (edited.contains(PartyData.partyId(r))
          || (then == null ? now != null : !then.equals(now))) {
        if (then != null) {
          changedBefore.add(then);
        }
        if (now != null) {
          changedNow.add(now);
        }
      }
    }
    return region.stream().filter(r -> {
      Integer then = was.get(PartyData.partyId(r));
      return then != null && changedBefore.contains(then)
          || present(data, r, cluster) && changedNow.contains(PartyData.partyId(cluster[r]));
    }).map(PartyData::partyId).toArray();
  }

  private static boolean present(PartyData data, int record, int[] cluster) {
    return record < data.size() && record < cluster.length && data.present(record);
  }
}

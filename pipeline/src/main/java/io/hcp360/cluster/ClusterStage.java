package io.hcp360.cluster;

import io.hcp360.Hcp360Exception;
import io.hcp360.db.CopyBuffer;
import io.hcp360.db.Sql;
import io.hcp360.db.SuspendedIndexes;
import io.hcp360.match.MatchModel;
import io.hcp360.match.data.FieldColumn;
import io.hcp360.match.data.PartyData;
import io.hcp360.match.blocking.PairList;
import io.hcp360.match.rules.HardRule;
import io.hcp360.match.rules.RuleSet;
import io.hcp360.match.scoring.Parameters;
import io.hcp360.match.scoring.ParametersFile;
import io.hcp360.match.scoring.Scorer;
import io.hcp360.run.RunContext;
import io.hcp360.run.RunMode;
import io.hcp360.run.Stage;
import java.sql.SQLException;
import java.util.BitSet;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Groups party records into clusters from the matched pairs, strongest first, honouring the rule
 * set's never-merge hard rules as cannot-link constraints and guarding against chains: two
 * clusters join on a scored link only if the smaller one's records find, on average, a match at
 * least as strong as the rule set's {@code together} threshold in the other (the review
 * threshold unless set). Steward decisions come first: cannot-links join the constraints and
 * must-links are forced links ({@link StewardLinks}). Each cluster is named by its smallest
 * party_id.
 */
public final class ClusterStage implements Stage {
  private static final Logger LOG = LoggerFactory.getLogger(ClusterStage.class);

  @Override
  public String name() {
    return "cluster";
  }

  @Override
  public void run(RunContext run) {
    if (RunMode.done(run.jdbi(), RunMode.Step.CLUSTER, run.runId())) {
      return;
    }
    RuleSet rules = run.rules();
    List<String> exclusiveFields = rules.hardRules().stream()
        .filter(r -> r.kind() == HardRule.Kind.NEVER_MERGE_DIFFERENT)
        .map(HardRule::field).distinct().toList();
    Parameters parameters = ParametersFile.read(rules).orElseThrow(() -> new Hcp360Exception(
        "no trained parameters for " + rules.label() + ": the match step trains them"));
    run.jdbi().useTransaction(handle -> {
      StewardLinks steward = StewardLinks.load(handle, run);
      PairList decided = steward.pairs();
      // A full run links every matched pair, strongest first; an incremental one finds the
      // records the changes reach through all of them, then links theirs, strongest first.
      MatchedPairs matched = run.incremental() ? MatchedPairs.loadUnsorted(handle)
          : MatchedPairs.load(handle);
      ClusterDao dao = handle.attach(ClusterDao.class);
      // An incremental run regroups the connected parts (by matches and steward decisions) of
      // the records whose links the match step decided again; grouping is done per connected
      // part, so the others' clusters are as they were. It reads only those parts' records.
      BitSet region = null;
      PartyData data;
      if (run.incremental()) {
        int records = Math.max(dao.highestPartyId(), 1);
        BitSet start = new BitSet(records);
        for (int partyId : dao.matchChanged(run.runId())) {
          start.set(PartyData.record(partyId));
        }
        for (int i = 0; i < decided.size(); i++) {
          start.set(PairList.left(decided.get(i)));
          start.set(PairList.right(decided.get(i)));
        }
        PairList links = matched.pairs();
        for (int i = 0; i < decided.size(); i++) {
          links.add(PairList.left(decided.get(i)), PairList.right(decided.get(i)));
        }
        region = links.connected(records, start);
        matched = matched.strongestFirst(region);
        data = MatchModel.loadForRun(run.jdbi(), rules, run.runId(),
            region.stream().map(PartyData::partyId).toArray());
      } else {
        data = MatchModel.loadForRun(run.jdbi(), rules, run.runId());
      }
      List<FieldColumn> exclusive = exclusiveFields.stream().map(data::column).toList();
      ConstrainedClustering clustering = new ConstrainedClustering(
          Math.max(data.size(), region == null ? 0 : region.length()), exclusive);
      BestLinkGuard guard = new BestLinkGuard(new Scorer(rules, parameters, data),
          rules.thresholds().together());
      steward.apply(clustering);
      for (int i = 0; i < matched.size(); i++) {
        int a = matched.left(i);
        int b = matched.right(i);
        if (region == null || region.get(a)) {
          clustering.link(a, b, matched.byHardRule(i) ? null : guard);
        }
      }
      int[] cluster = clustering.clusters();
      SuspendedIndexes suspended = null;
      if (region == null) {
        dao.clear();
        suspended = SuspendedIndexes.of(handle, "hcp.cluster_member");
      } else {
        int[] regrouped = region.stream().map(PartyData::partyId).toArray();
        int[] changed = ClusterChanges.changed(dao.clusters(regrouped),
            java.util.Set.copyOf(java.util.Arrays.stream(dao.partyChanged(run.runId())).boxed()
                .toList()), region, data, cluster);
        dao.forget(regrouped);
        dao.clearChanges(run.runId());
        dao.regrouped(run.runId(), changed);
      }
      CopyBuffer out = new CopyBuffer(Sql.load(ClusterStage.class, "copy-cluster-member"));
      int clusters = 0;
      int records = 0;
      for (int record = 0; record < data.size(); record++) {
        if (!data.present(record) || (region != null && !region.get(record))) {
          continue;
        }
        out.value(PartyData.partyId(record)).value(PartyData.partyId(cluster[record])).endRow();
        records++;
        if (cluster[record] == record) {
          clusters++;
        }
      }
      try {
        out.flush(CopyBuffer.copyManager(handle));
        if (suspended != null) {
          suspended.close();
        }
      } catch (SQLException e) {
        throw new Hcp360Exception("could not write clusters: " + e.getMessage(), e);
      }
      RunMode.did(handle, RunMode.Step.CLUSTER, run.runId());
      LOG.info("  {} party records in {} clusters{}; links refused: {} by hard rules, {} by"
              + " steward cannot-links, {} that would glue records that do not match across",
          String.format("%,d", records), String.format("%,d", clusters),
          region == null ? "" : " (incremental: the records around the changes regrouped)",
          String.format("%,d", clustering.refused()),
          String.format("%,d", clustering.refusedByCannotLink()),
          String.format("%,d", clustering.refusedByGuard()));
    });
  }
}

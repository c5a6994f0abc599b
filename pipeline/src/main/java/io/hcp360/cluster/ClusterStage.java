package io.hcp360.cluster;

import io.hcp360.Hcp360Exception;
import io.hcp360.db.CopyBuffer;
import io.hcp360.db.Sql;
import io.hcp360.db.SuspendedIndexes;
import io.hcp360.match.data.FieldColumn;
import io.hcp360.match.data.PartyData;
import io.hcp360.match.MatchModel;
import io.hcp360.match.rules.HardRule;
import io.hcp360.match.rules.RuleSet;
import io.hcp360.match.scoring.Parameters;
import io.hcp360.match.scoring.ParametersFile;
import io.hcp360.match.scoring.Scorer;
import io.hcp360.run.RunContext;
import io.hcp360.run.Stage;
import java.sql.ResultSet;
import java.sql.SQLException;
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
    RuleSet rules = run.rules();
    List<String> exclusiveFields = rules.hardRules().stream()
        .filter(r -> r.kind() == HardRule.Kind.NEVER_MERGE_DIFFERENT)
        .map(HardRule::field).distinct().toList();
    PartyData data = MatchModel.load(run.jdbi(), rules);
    List<FieldColumn> exclusive = exclusiveFields.stream().map(data::column).toList();
    ConstrainedClustering clustering = new ConstrainedClustering(data.size(), exclusive);
    Parameters parameters = ParametersFile.read(rules).orElseThrow(() -> new Hcp360Exception(
        "no trained parameters for " + rules.label() + ": the match step trains them"));
    BestLinkGuard guard = new BestLinkGuard(new Scorer(rules, parameters, data),
        rules.thresholds().together());
    String select = Sql.load(ClusterStage.class, "matched-pairs");
    run.jdbi().useTransaction(handle -> {
      StewardLinks.apply(handle, run, clustering);
      handle.createQuery(select).setFetchSize(10_000).scanResultSet((supplier, ctx) -> {
        ResultSet rs = supplier.get();
        while (rs.next()) {
          boolean byHardRule = !"score".equals(rs.getString(3));
          clustering.link(PartyData.record(rs.getInt(1)), PartyData.record(rs.getInt(2)),
              byHardRule ? null : guard);
        }
        return null;
      });
      int[] cluster = clustering.clusters();
      handle.attach(ClusterDao.class).clear();
      SuspendedIndexes suspended = SuspendedIndexes.of(handle, "hcp.cluster_member");
      CopyBuffer out = new CopyBuffer(Sql.load(ClusterStage.class, "copy-cluster-member"));
      int clusters = 0;
      for (int record = 0; record < data.size(); record++) {
        out.value(PartyData.partyId(record)).value(PartyData.partyId(cluster[record])).endRow();
        if (cluster[record] == record) {
          clusters++;
        }
      }
      try {
        out.flush(CopyBuffer.copyManager(handle));
        suspended.close();
      } catch (SQLException e) {
        throw new Hcp360Exception("could not write clusters: " + e.getMessage(), e);
      }
      LOG.info("  {} party records in {} clusters; links refused: {} by hard rules, {} by"
              + " steward cannot-links, {} that would glue records that do not match across",
          String.format("%,d", data.size()), String.format("%,d", clusters),
          String.format("%,d", clustering.refused()),
          String.format("%,d", clustering.refusedByCannotLink()),
          String.format("%,d", clustering.refusedByGuard()));
    });
  }
}

package io.hcp360.cluster;

import io.hcp360.Hcp360Exception;
import io.hcp360.db.CopyBuffer;
import io.hcp360.run.RunContext;
import io.hcp360.run.Stage;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Groups party records into clusters: the connected components of the matched pairs. Each
 * cluster is named by its smallest party_id.
 */
public final class ClusterStage implements Stage {
  private static final Logger LOG = LoggerFactory.getLogger(ClusterStage.class);

  @Override
  public String name() {
    return "cluster";
  }

  @Override
  public void run(RunContext run) {
    run.jdbi().useTransaction(handle -> {
      int max = handle.createQuery("select coalesce(max(party_id), 0) from hcp.party")
          .mapTo(Integer.class).one();
      UnionFind sets = new UnionFind(max + 1);
      handle.createQuery("select left_id, right_id from hcp.match_pair")
          .setFetchSize(10_000)
          .scanResultSet((supplier, ctx) -> {
            var rs = supplier.get();
            while (rs.next()) {
              sets.union(rs.getInt(1), rs.getInt(2));
            }
            return null;
          });
      int[] cluster = sets.canonical();
      handle.execute("truncate hcp.cluster_member");
      CopyBuffer out = new CopyBuffer("COPY hcp.cluster_member (party_id, cluster_id) FROM STDIN");
      int clusters = 0;
      for (int party = 1; party <= max; party++) {
        out.value(party).value(cluster[party]).endRow();
        if (cluster[party] == party) {
          clusters++;
        }
      }
      try {
        out.flush(CopyBuffer.copyManager(handle));
      } catch (SQLException e) {
        throw new Hcp360Exception("could not write clusters: " + e.getMessage(), e);
      }
      LOG.info("  {} party records in {} clusters", String.format("%,d", max),
          String.format("%,d", clusters));
    });
  }
}

package io.hcp360.golden;

import io.hcp360.Hcp360Exception;
import io.hcp360.db.CopyBuffer;
import io.hcp360.run.RunContext;
import io.hcp360.run.Stage;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives every cluster a golden ID (kept from earlier publishes where the records were already
 * known) and builds its golden record from its members' values.
 */
public final class GoldenStage implements Stage {
  private static final Logger LOG = LoggerFactory.getLogger(GoldenStage.class);

  @Override
  public String name() {
    return "golden";
  }

  @Override
  public void run(RunContext run) {
    run.jdbi().useTransaction(handle -> {
      GoldenDao dao = handle.attach(GoldenDao.class);
      Map<Integer, String> kept = GoldenIds.carryOver(dao.claims());
      List<Integer> fresh = new ArrayList<>();
      for (int cluster : dao.clusters()) {
        if (!kept.containsKey(cluster)) {
          fresh.add(cluster);
        }
      }
      dao.createClusterGolden();
      CopyBuffer out = new CopyBuffer("COPY cluster_golden (cluster_id, golden_id) FROM STDIN");
      kept.forEach((cluster, golden) -> out.value(cluster).value(golden).endRow());
      Iterator<String> ids = dao.newGoldenIds(fresh.size()).iterator();
      for (int cluster : fresh) {
        out.value(cluster).value(ids.next()).endRow();
      }
      try {
        out.flush(CopyBuffer.copyManager(handle));
      } catch (SQLException e) {
        throw new Hcp360Exception("could not write golden IDs: " + e.getMessage(), e);
      }
      dao.clear();
      dao.members();
      int records = dao.records(run.runId());
      LOG.info("  {} golden records ({} kept their golden ID, {} new)",
          String.format("%,d", records), String.format("%,d", kept.size()),
          String.format("%,d", fresh.size()));
    });
  }
}

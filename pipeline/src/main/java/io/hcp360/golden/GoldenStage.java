package io.hcp360.golden;

import io.hcp360.Hcp360Exception;
import io.hcp360.db.CopyBuffer;
import io.hcp360.db.Sql;
import io.hcp360.run.RunContext;
import io.hcp360.run.Stage;
import java.sql.SQLException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives every cluster a golden ID (kept from earlier publishes where its records were known;
 * merges, splits and new IDs recorded in the ID history) and builds its golden record with the
 * survivorship rules, recording for every value the record, source and rule it came from.
 */
public final class GoldenStage implements Stage {
  private static final Logger LOG = LoggerFactory.getLogger(GoldenStage.class);

  @Override
  public String name() {
    return "golden";
  }

  @Override
  public void run(RunContext run) {
    Survivorship survivorship = Survivorship.besides(run.rules().file());
    run.jdbi().useTransaction(handle -> {
      GoldenDao dao = handle.attach(GoldenDao.class);
      GoldenIds.Assignment assignment =
          GoldenIds.assign(dao.claims(), dao.clusters(), dao::newGoldenIds);
      dao.createClusterGolden();
      CopyBuffer out = new CopyBuffer(Sql.load(GoldenStage.class, "copy-cluster-golden"));
      assignment.ids().forEach((cluster, golden) -> out.value(cluster).value(golden).endRow());
      try {
        out.flush(CopyBuffer.copyManager(handle));
      } catch (SQLException e) {
        throw new Hcp360Exception("could not write golden IDs: " + e.getMessage(), e);
      }
      dao.clear();
      dao.members();
      dao.clearEvents(run.runId());
      for (GoldenIds.Event event : assignment.events()) {
        dao.event(run.runId(), event.goldenId(), event.event(), event.related(), event.records());
      }
      assignment.redirects().forEach((retired, survivor) ->
          dao.redirect(run.runId(), retired, survivor));
      dao.dropRedirectsOfCurrentIds();
      for (Map.Entry<String, Survivorship.Choice> attribute
          : survivorship.attributes().entrySet()) {
        survive(dao, run.runId(), survivorship, attribute.getKey(), attribute.getValue());
      }
      int records = dao.goldenRecords(run.runId());
      Map<String, Long> counts = assignment.events().stream().collect(
          java.util.stream.Collectors.groupingBy(GoldenIds.Event::event,
              java.util.stream.Collectors.counting()));
      LOG.info("  {} golden records: {} kept their golden ID, {} created, {} split off,"
              + " {} retired by merges", String.format("%,d", records),
          String.format("%,d", records - counts.getOrDefault("created", 0L)
              - counts.getOrDefault("split", 0L)),
          String.format("%,d", counts.getOrDefault("created", 0L)),
          String.format("%,d", counts.getOrDefault("split", 0L)),
          String.format("%,d", counts.getOrDefault("merged", 0L)));
    });
  }

  /** Picks one attribute's golden values with set-based SQL; the fragments are fixed here. */
  private static void survive(GoldenDao dao, long runId, Survivorship survivorship,
      String attribute, Survivorship.Choice choice) {
    String column = "p." + Survivorship.COLUMNS.get(attribute);
    String filter = choice.validOnly()
        ? "and p." + Survivorship.VALIDITY.get(attribute) : "";
    String recent = "p.last_modified desc nulls last, p.party_id";
    String ordering = switch (choice.rule()) {
      case MOST_RECENT -> recent;
      case MOST_COMPLETE -> "length(" + column + ") desc, " + recent;
      case MOST_FREQUENT -> "count(*) over (partition by m.golden_id, " + column + ") desc, "
          + recent;
      case SOURCE_PRIORITY -> "coalesce(array_position(array[" + priority(survivorship)
          + "]::text[], p.system), 1000), " + recent;
    };
    dao.surviveAttribute(runId, attribute, choice.rule().key()
        + (choice.validOnly() ? "+valid_only" : ""), column, filter, ordering);
  }

  /** The source priority as SQL string literals (system names are [a-z0-9_] by validation). */
  private static String priority(Survivorship survivorship) {
    return String.join(", ", survivorship.sourcePriority().stream()
        .filter(s -> s.matches("[a-z][a-z0-9_]*")).map(s -> "'" + s + "'").toList());
  }
}

package io.hcp360.gate;

import io.hcp360.config.GateLimits;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The quality gates of a job, checked before a run publishes: the reject rate and the golden-ID
 * churn by the gate step, the drop in HCP 360 list members by the publish step before it
 * commits. Every gate is measured and recorded ({@code hcp.gate_check}) even when it is off; a
 * gate over its limit stops the publish with a {@link QualityGateException} unless the steward
 * accepted the run's gates ({@code ./hcp360 run --accept-gates}).
 */
public final class QualityGates {
  private static final Logger LOG = LoggerFactory.getLogger(QualityGates.class);

  static final String REJECT_RATE = "max_reject_rate";
  static final String GOLDEN_ID_CHURN = "max_golden_id_churn";
  static final String PUBLISHED_DROP = "max_published_drop";

  private final GateLimits limits;
  private final boolean accept;

  /**
   * @param accept publish even when a gate is over its limit (the checks say so)
   */
  public QualityGates(GateLimits limits, boolean accept) {
    this.limits = limits;
    this.accept = accept;
  }

  /** Whether a quality gate stopped the run: a gate over its limit, not accepted. */
  public static boolean stopped(Jdbi jdbi, long runId) {
    return jdbi.withExtension(GateDao.class,
        dao -> dao.checks(runId).stream().anyMatch(GateCheck::stops));
  }

  /** The gates checked for a run, in the order they were checked. */
  public static List<GateCheck> checks(Jdbi jdbi, long runId) {
    return jdbi.withExtension(GateDao.class, dao -> dao.checks(runId));
  }

  /** The gate step's gates: reject rate and churn (after {@link GateDao#publishChange}). */
  List<GateCheck> beforePublish(GateDao dao, long runId) {
    GateDao.Rows rows = dao.rows(runId);
    Double rejectRate = rows.read() == 0 ? null : (double) rows.rejected() / rows.read();
    GateCheck rejects = GateCheck.of(REJECT_RATE, limits.maxRejectRate().orElse(null),
        rejectRate, rejectRate == null ? "no rows read"
            : GateCheck.percent(rejectRate) + " of rows rejected (" + String.format("%,d of %,d",
                rows.rejected(), rows.read()) + ")");
    GateDao.Churn churn = dao.churn(runId);
    Double churnRate = churn.previousIds() == 0 ? null
        : (double) (churn.newIds() + churn.retiredIds()) / churn.previousIds();
    GateCheck ids = GateCheck.of(GOLDEN_ID_CHURN, limits.maxGoldenIdChurn().orElse(null),
        churnRate, churnRate == null ? "no previous publish to compare with"
            : GateCheck.percent(churnRate) + " golden-ID churn (" + String.format(
                "%,d new and %,d retired against %,d published", churn.newIds(),
                churn.retiredIds(), churn.previousIds()) + ")");
    return List.of(rejects, ids);
  }

  /**
   * The publish step's gate, in its transaction once the new list versions have their sizes:
   * the largest drop in members of a list (brand and market) against its current version.
   */
  public void checkListsBeforeCommit(Handle handle, long runId, boolean listsPublished) {
    List<GateDao.ListSize> sizes =
        listsPublished ? handle.attach(GateDao.class).listSizes() : List.of();
    Optional<GateDao.ListSize> worst = sizes.stream().filter(s -> s.previous() > 0)
        .max(Comparator.comparingDouble(QualityGates::drop));
    GateCheck check = GateCheck.of(PUBLISHED_DROP, limits.maxPublishedDrop().orElse(null),
        worst.map(QualityGates::drop).orElse(null),
        worst.map(w -> GateCheck.percent(drop(w)) + " fewer HCPs on the " + w.brand() + " list in "
                + w.market() + String.format(" (%,d published, %,d now)", w.previous(),
                w.current()) + (sizes.size() > 1 ? ", the largest drop of "
                    + sizes.size() + " lists" : ""))
            .orElse(listsPublished ? "no list published before to compare with"
                : "the job publishes no lists"));
    enforce(handle, runId, List.of(check));
  }

  /**
   * Records the checks, then throws if one stops the publish. In the publish transaction the
   * record rolls back with it: {@link #recordStop} records the checks again afterwards.
   */
  void enforce(Handle handle, long runId, List<GateCheck> measured) {
    List<GateCheck> checks = measured.stream().map(c -> accept ? c.accept() : c).toList();
    GateDao dao = handle.attach(GateDao.class);
    for (GateCheck check : checks) {
      dao.save(runId, check);
      if (check.limit() != null) {
        LOG.info("  quality gate {}", check.verdict());
      }
    }
    if (checks.stream().anyMatch(GateCheck::stops)) {
      throw new QualityGateException(checks);
    }
  }

  /** Records the checks of a stop after its transaction rolled back. */
  public static void recordStop(Jdbi jdbi, long runId, QualityGateException stop) {
    jdbi.useExtension(GateDao.class, dao -> stop.checks().forEach(c -> dao.save(runId, c)));
  }

  private static double drop(GateDao.ListSize size) {
    return (double) (size.previous() - size.current()) / size.previous();
  }
}

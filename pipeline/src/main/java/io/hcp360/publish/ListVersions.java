package io.hcp360.publish;

import io.hcp360.config.HcpList;
import io.hcp360.db.SuspendedIndexes;
import io.hcp360.run.RunContext;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A new version of every brand's HCP 360 list in every market, in the publish transaction (made
 * current by the publish step once the list-drop gate passed).
 *
 * <p>A member's row is made of its golden record, its records' extra attributes, its published
 * activities (their count in the 90 days up to the latest activity of all included) and its
 * channel eligibility. Rows are stored as ranges of versions (publish.hcp360_list_row): the
 * rows of the golden HCPs computed are compared with the current rows; a current row that
 * differs or is gone is closed (the new version is the first without it) and a new or
 * different row is opened; the other current rows stay open, so the new version holds them
 * without a copy. In an incremental publish (golden and activities steps both incremental) the
 * golden HCPs whose row may have changed are listed before the published tables change
 * ({@link #listChanges}); when every list's current version was published by the run this one
 * builds on, with the same activity prefixes and targeting, only their rows are computed.
 * Otherwise every member is. Either way the new versions hold what computing every member
 * gives.
 */
final class ListVersions {
  private static final Logger LOG = LoggerFactory.getLogger(ListVersions.class);

  private ListVersions() {}

  /**
   * Lists the golden HCPs whose list rows may change (temporary table list_changed): to be
   * called before the publish step changes any published table.
   */
  static void listChanges(Handle handle, long runId) {
    handle.attach(ListDao.class).changedMembers(runId);
  }

  /**
   * Writes the new versions; whether the job has lists.
   *
   * @param changesListed whether {@link #listChanges} was called in this transaction
   * @param publishedBefore the run whose publish this one replaces, if any
   */
  static boolean publish(Handle handle, RunContext run, boolean changesListed,
      Optional<Long> publishedBefore) {
    if (run.job().lists().isEmpty()) {
      return false;
    }
    ListDao dao = handle.attach(ListDao.class);
    dao.createListSpec();
    Optional<OffsetDateTime> latest = dao.asOf();
    OffsetDateTime asOf = latest.orElse(OffsetDateTime.now());
    int versions = 0;
    for (HcpList list : run.job().lists()) {
      String[] prefixes = list.activityBrands().stream()
          .map(b -> b.toLowerCase(Locale.ROOT).replace("%", "\\%") + "%")
          .toArray(String[]::new);
      for (String market : list.markets()) {
        long version = dao.version(run.runId(), list.brand(), market);
        dao.clearListVersion(version, list.brand(), market);
        dao.listVersion(version, run.runId(), list.brand(), market, asOf);
        dao.listSpec(version, list.brand(), market, prefixes, list.targeting().orElse(null));
        versions++;
      }
    }
    dao.saveSpecs();
    dao.analyzeSpecs();
    boolean changedOnly = changesListed && latest.isPresent() && publishedBefore.isPresent()
        && buildsOnCurrent(dao, publishedBefore.get());
    dao.createScope();
    if (changedOnly) {
      dao.windowChanged(dao.current(publishedBefore.get()).earliest(), asOf);
      dao.scopeChanged();
    } else {
      dao.scopeAll();
    }
    dao.analyzeScope();
    ListScope scope = changedOnly ? ListScope.FEW : ListScope.ALL;
    dao.prepareLists(scope.inScope());
    long computed = dao.listMembers();
    dao.analyzeMembers();
    long closed = dao.closeRows(scope.inScope());
    long opened;
    boolean first = dao.noRows();
    if (first) {
      // The first publish writes every list's rows: indexes built once after them, not row by
      // row (12 s to a few at 1,000,000 records), and statistics taken.
      try (SuspendedIndexes suspended = SuspendedIndexes.of(handle, "publish.hcp360_list_row")) {
        opened = dao.openRows(scope.currentInScope());
      }
    } else {
      opened = dao.openRows(scope.currentInScope());
    }
    if (!changedOnly && !first) {
      // Statistics of the rows after writing every list's (the next publish's plans need
      // them: without, closing rows went through every current row of every list).
      dao.analyzeRows();
    }
    dao.listSizes();
    dao.listMode(run.runId(), changedOnly ? "incremental" : "full");
    LOG.info("  published {} HCP 360 lists ({} brand-market memberships; {} rows written and {}"
        + " closed, the others unchanged; {}), as of {}", versions,
        String.format("%,d", dao.memberships()), String.format("%,d", opened),
        String.format("%,d", closed), changedOnly
            ? String.format("%,d memberships of changed HCPs computed", computed)
            : "every member computed", asOf);
    return true;
  }

  /**
   * Whether the current version of every list was published by {@code run}, with the same
   * spec and one as_of: then its rows outside the changed golden HCPs stay as they are.
   */
  private static boolean buildsOnCurrent(ListDao dao, long run) {
    ListDao.Current current = dao.current(run);
    boolean same = current.lists() == current.same() && current.earliest() != null
        && current.earliest().isEqual(current.latest());
    if (!same) {
      LOG.info("  every list member computed: the current lists were not all published by run"
          + " {} with the same activity brands and targeting", run);
    }
    return same;
  }
}

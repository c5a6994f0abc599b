package io.hcp360.cluster;

import io.hcp360.match.blocking.PairList;
import io.hcp360.run.RunContext;
import io.hcp360.steward.StewardConstraints;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the steward's decisions to a clustering before any scored link: cannot-links as
 * constraints, then must-links as forced links. A must-link that a constraint forbids is not
 * applied and is flagged for re-review, with the decision or hard rule it conflicts with.
 */
final class StewardLinks {
  private static final Logger LOG = LoggerFactory.getLogger(StewardLinks.class);

  private final StewardConstraints steward;

  private StewardLinks(StewardConstraints steward) {
    this.steward = steward;
  }

  /** The decisions in force for the run. */
  static StewardLinks load(Handle handle, RunContext run) {
    return new StewardLinks(StewardConstraints.load(handle, run.rules(), run.runId()));
  }

  /** The pairs of records the decisions link or part. */
  PairList pairs() {
    PairList decided = new PairList();
    steward.mustLinks().forEach(l -> decided.add(l.leftRecord(), l.rightRecord()));
    steward.cannotLinks().forEach(l -> decided.add(l.leftRecord(), l.rightRecord()));
    return decided;
  }

  /** Applies the decisions to a clustering before any scored link. */
  void apply(ConstrainedClustering clustering) {
    List<StewardConstraints.Link> cannot = steward.cannotLinks();
    clustering.cannotLink(cannot.stream().mapToInt(StewardConstraints.Link::leftRecord).toArray(),
        cannot.stream().mapToInt(StewardConstraints.Link::rightRecord).toArray());
    Map<Long, StewardConstraints.Link> byPair = new HashMap<>();
    for (StewardConstraints.Link link : cannot) {
      byPair.put(pair(link.leftRecord(), link.rightRecord()), link);
    }
    int applied = 0;
    for (StewardConstraints.Link link : steward.mustLinks()) {
      switch (clustering.force(link.leftRecord(), link.rightRecord())) {
        case LINKED, ALREADY_TOGETHER -> applied++;
        case EXCLUSIVE_VALUES -> steward.conflict(link, "conflicts with a hard rule: the records'"
            + " clusters hold two different valid identifiers (NPI or registry number)");
        case CANNOT_LINK -> {
          int[] c = clustering.conflict();
          StewardConstraints.Link with = byPair.get(pair(c[0], c[1]));
          steward.conflict(link, "conflicts with " + (with == null ? "a cannot-link" : with));
        }
      }
    }
    LOG.info("  steward decisions: {} must-links and {} cannot-links applied; {} flagged for"
            + " re-review ({} records changed since, {} conflicts); {} waiting for a record"
            + " not in this run", applied, cannot.size(), steward.changed() + steward.conflicts(),
        steward.changed(), steward.conflicts(), steward.waiting());
    if (steward.conflicts() > 0) {
      LOG.warn("  {} must-links conflict with other constraints and were not applied: see"
          + " `hcp360 steward queue`", steward.conflicts());
    }
  }

  private static long pair(int a, int b) {
    return ((long) Math.min(a, b) << 32) | Math.max(a, b);
  }
}

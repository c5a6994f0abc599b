package io.hcp360.steward;

import io.hcp360.evaluate.RecordKey;
import io.hcp360.match.data.PartyData;
import io.hcp360.match.rules.RuleSet;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * The steward decisions a run's cluster step applies: the active decisions whose two records are
 * both in the run, as must-links and cannot-links between record numbers. Loading them checks
 * each record against the matching fields the decision saw: a decision on a record that changed
 * materially is flagged {@code needs_review} (not applied, not dropped; it comes back in the
 * queue). A must-link that the cluster step cannot apply (it conflicts with a cannot-link or a
 * hard rule) is flagged the same way through {@link #conflict}.
 */
public final class StewardConstraints {

  /** A decision between two records of this run ({@link PartyData} record numbers). */
  public record Link(long decisionId, DecisionAction action, String decidedBy, RecordKey left,
      RecordKey right, int leftRecord, int rightRecord) {

    @Override
    public String toString() {
      return "decision " + decisionId + " (" + action.key() + " by " + decidedBy + ": " + left
          + " ~ " + right + ")";
    }
  }

  private final Handle handle;
  private final long runId;
  private final List<Link> mustLinks;
  private final List<Link> cannotLinks;
  private final int changed;
  private final int waiting;
  private int conflicts;

  private StewardConstraints(Handle handle, long runId, List<Link> mustLinks,
      List<Link> cannotLinks, int changed, int waiting) {
    this.handle = handle;
    this.runId = runId;
    this.mustLinks = List.copyOf(mustLinks);
    this.cannotLinks = List.copyOf(cannotLinks);
    this.changed = changed;
    this.waiting = waiting;
  }

  /**
   * The decisions to apply in this run, in the order they were taken; flags (in the handle's
   * transaction) those whose records changed since.
   */
  public static StewardConstraints load(Handle handle, RuleSet rules, long runId) {
    Dao dao = handle.attach(Dao.class);
    List<Dao.InForce> decisions = dao.active();
    Set<RecordKey> keys = new LinkedHashSet<>();
    for (Dao.InForce d : decisions) {
      if (d.leftParty() != null && d.rightParty() != null) {
        keys.add(d.left());
        keys.add(d.right());
      }
    }
    Map<RecordKey, Map<String, String>> now = keys.isEmpty() ? Map.of()
        : MatchingFields.load(handle, rules, keys);
    List<Link> must = new ArrayList<>();
    List<Link> cannot = new ArrayList<>();
    int changed = 0;
    int waiting = 0;
    for (Dao.InForce d : decisions) {
      if (d.leftParty() == null || d.rightParty() == null) {
        waiting++;
        continue;
      }
      String changes = changes(dao, d, true, now.get(d.left()))
          + changes(dao, d, false, now.get(d.right()));
      Link link = new Link(d.decisionId(), DecisionAction.of(d.action()), d.decidedBy(),
          d.left(), d.right(), PartyData.record(d.leftParty()),
          PartyData.record(d.rightParty()));
      if (!changes.isEmpty()) {
        flag(handle, runId, link, "changed since the decision: " + changes.substring(2));
        changed++;
      } else if (link.action().mustLink()) {
        must.add(link);
      } else {
        cannot.add(link);
      }
    }
    return new StewardConstraints(handle, runId, must, cannot, changed, waiting);
  }

  /** "; crm/001A last_name: smith -> smyth", or "" when the record did not change materially. */
  private static String changes(Dao dao, Dao.InForce d, boolean left, Map<String, String> now) {
    String then = left ? d.leftHash() : d.rightHash();
    if (then.equals(MatchingFields.hash(now))) {
      return "";
    }
    Map<String, String> stored = new TreeMap<>();
    for (Dao.Field f : dao.storedFields(d.decisionId(), left)) {
      stored.put(f.key(), f.value());
    }
    String changes = MatchingFields.changes(stored, now);
    return changes.isEmpty() ? "" : "; " + (left ? d.left() : d.right()) + " " + changes;
  }

  public List<Link> mustLinks() {
    return mustLinks;
  }

  public List<Link> cannotLinks() {
    return cannotLinks;
  }

  /** Decisions flagged in this run because one of their records changed. */
  public int changed() {
    return changed;
  }

  /** Decisions not applied because a record of theirs is not in this run. */
  public int waiting() {
    return waiting;
  }

  /** Must-links flagged in this run because they conflict with another constraint. */
  public int conflicts() {
    return conflicts;
  }

  /** A must-link the cluster step could not apply: flagged for re-review with the reason. */
  public void conflict(Link mustLink, String reason) {
    flag(handle, runId, mustLink, reason);
    conflicts++;
  }

  private static void flag(Handle handle, long runId, Link link, String reason) {
    handle.attach(Dao.class).flag(link.decisionId(), runId, reason);
    AuditLog.append(handle, AuditLog.actor(), "flag", "decision " + link.decisionId() + ": "
            + link.left() + " ~ " + link.right(), null,
        new JsonText().put("status", "active").put("action", link.action().key()).toString(),
        new JsonText().put("status", "needs_review").put("run_id", runId).toString(), reason);
  }

  interface Dao {
    record InForce(long decisionId, String action, String decidedBy, String leftSystem,
        String leftSourceId, String rightSystem, String rightSourceId, String leftHash,
        String rightHash, Integer leftParty, Integer rightParty) {
      RecordKey left() {
        return new RecordKey(leftSystem, leftSourceId);
      }

      RecordKey right() {
        return new RecordKey(rightSystem, rightSourceId);
      }
    }

    @SqlQuery("""
        select d.decision_id, d.action, d.decided_by, d.left_system, d.left_source_id,
          d.right_system, d.right_source_id, d.left_hash, d.right_hash,
          l.party_id as left_party, r.party_id as right_party
        from hcp.steward_decision d
        left join hcp.party l on l.system = d.left_system and l.source_id = d.left_source_id
        left join hcp.party r on r.system = d.right_system and r.source_id = d.right_source_id
        where d.status = 'active'
        order by d.decision_id""")
    @RegisterConstructorMapper(InForce.class)
    List<InForce> active();

    record Field(String key, String value) {}

    @SqlQuery("""
        select f.key, f.value
        from hcp.steward_decision d,
          jsonb_each_text(case when :left then d.left_fields else d.right_fields end) f
        where d.decision_id = :id""")
    @RegisterConstructorMapper(Field.class)
    List<Field> storedFields(@Bind("id") long decisionId, @Bind("left") boolean left);

    @SqlUpdate("""
        update hcp.steward_decision
        set status = 'needs_review', review_reason = :reason, flagged_run_id = :runId
        where decision_id = :id and status = 'active'""")
    void flag(@Bind("id") long decisionId, @Bind("runId") long runId,
        @Bind("reason") String reason);
  }
}

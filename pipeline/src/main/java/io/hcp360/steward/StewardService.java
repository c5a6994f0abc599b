package io.hcp360.steward;

import io.hcp360.evaluate.RecordKey;
import io.hcp360.match.rules.Comparison;
import io.hcp360.match.rules.RuleSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The steward's work on the merge queue, for the command line and the web page alike: list the
 * queue, show a pair side by side, approve, reject, skip, unmerge, link and split, look at a
 * golden record and read the audit trail. Every decision is stored keyed by source record with
 * both records' matching fields at the time, and every action is written to the audit trail in
 * the same transaction.
 */
public final class StewardService {
  private final Jdbi jdbi;
  private final RuleSet rules;

  /**
   * @param jdbi the store, with the SqlObject plugin installed
   * @param rules the rule set whose fields a decision records and whose comparisons it shows
   */
  public StewardService(Jdbi jdbi, RuleSet rules) {
    this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    this.rules = Objects.requireNonNull(rules, "rules");
  }

  /** The queue items the filter asks for, in its order. */
  public List<QueueItem> queue(QueueFilter filter) {
    String[] statuses = filter.statuses().stream().map(ItemStatus::key).toArray(String[]::new);
    return jdbi.withExtension(StewardDao.class, dao -> dao.queue(statuses, filter.market(),
        filter.sourcePair(), filter.minScore(), filter.maxScore(),
        filter.order() == QueueOrder.INFORMATIVE, null, filter.limit()));
  }

  /** One queue item side by side, whatever its status; empty when there is no such item. */
  public Optional<PairView> item(long itemId) {
    return jdbi.inTransaction(h -> {
      StewardDao dao = h.attach(StewardDao.class);
      Optional<QueueItem> found = dao.item(itemId);
      if (found.isEmpty()) {
        return Optional.empty();
      }
      QueueItem item = found.get();
      Map<RecordKey, Map<String, String>> fields =
          MatchingFields.load(h, rules, List.of(item.left(), item.right()));
      Map<String, String> leftFields = fields.getOrDefault(item.left(), Map.of());
      Map<String, String> rightFields = fields.getOrDefault(item.right(), Map.of());
      List<ComparisonView> comparisons = new ArrayList<>();
      for (StewardDao.ExplainedLevel level : dao.explanation(itemId)) {
        String field = rules.comparisons().stream()
            .filter(c -> c.name().equals(level.comparison())).map(Comparison::field)
            .findFirst().orElse(null);
        comparisons.add(new ComparisonView(level.comparison(), field, level.level(),
            level.weight(), field == null ? null : leftFields.get(field),
            field == null ? null : rightFields.get(field)));
      }
      Optional<Decision> decision = dao.inForce(item.left(), item.right())
          .flatMap(dao::decision);
      return Optional.of(new PairView(item, recordView(dao, item.left(), leftFields),
          recordView(dao, item.right(), rightFields), comparisons, decision));
    });
  }

  /** Approves a queue item: its two records are one person (a must-link). */
  public Decision approve(long itemId, String who, String comment) {
    return settle(itemId, DecisionAction.APPROVE, who, comment);
  }

  /** Rejects a queue item: its two records are different people (a cannot-link). */
  public Decision reject(long itemId, String who, String comment) {
    return settle(itemId, DecisionAction.REJECT, who, comment);
  }

  /** Puts an item behind the others for now, without deciding it. */
  public void skip(long itemId, String who) {
    String steward = steward(who);
    jdbi.useTransaction(h -> {
      StewardDao dao = h.attach(StewardDao.class);
      QueueItem item = dao.item(itemId).orElseThrow(() -> noItem(itemId));
      dao.skip(itemId, steward);
      AuditLog.append(h, steward, "skip", target(item), item.market(),
          new JsonText().put("status", item.status().key()).toString(), null, null);
    });
  }

  /**
   * Takes a source record out of a golden record: the record is cannot-linked from every other
   * member the golden record has now, so no later run puts it back with them.
   *
   * @param goldenId the golden record (a retired ID is followed to the current one)
   * @return one cannot-link decision per other member
   */
  public List<Decision> unmerge(String goldenId, RecordKey record, String who, String comment) {
    String steward = steward(who);
    return jdbi.inTransaction(h -> {
      StewardDao dao = h.attach(StewardDao.class);
      String current = dao.currentGoldenId(goldenId).orElseThrow(() -> new StewardException(
          "no golden record " + goldenId + " has been published"));
      String holding = dao.goldenOf(record.system(), record.sourceId())
          .map(StewardDao.GoldenOf::goldenId).orElseThrow(() -> new StewardException(
              record + " is in no published golden record"));
      if (!holding.equals(current)) {
        throw new StewardException(record + " is not in " + current + " but in " + holding);
      }
      List<GoldenMember> members = dao.members(current);
      List<RecordKey> others = members.stream().map(GoldenMember::key)
          .filter(k -> !k.equals(record)).toList();
      if (others.isEmpty()) {
        throw new StewardException(record + " is the only record of " + current
            + ": nothing to take it out of");
      }
      List<RecordKey> all = new ArrayList<>(others);
      all.add(record);
      Map<RecordKey, Map<String, String>> fields = MatchingFields.load(h, rules, all);
      if (!fields.containsKey(record)) {
        throw notInLastRun(record);
      }
      List<Decision> decisions = new ArrayList<>();
      for (RecordKey other : others) {
        if (fields.containsKey(other)) {
          decisions.add(decide(dao, DecisionAction.UNMERGE, record, other, fields, steward,
              comment, current, null));
        }
      }
      AuditLog.append(h, steward, "unmerge", current + ": " + record, country(dao, record),
          new JsonText().put("golden_id", current)
              .put("members", members.stream().map(m -> m.key().toString()).toList().toString())
              .toString(),
          new JsonText().put("record", record.toString())
              .put("fields", fields.get(record))
              .put("hash", MatchingFields.hash(fields.get(record)))
              .put("cannot_link", decisions.stream().map(d -> d.decisionId() + " "
                  + other(d, record)).toList().toString())
              .toString(), comment);
      return decisions;
    });
  }

  /** Links two records the matcher did not propose: one person (a must-link). */
  public Decision link(RecordKey a, RecordKey b, String who, String comment) {
    return pair(DecisionAction.LINK, a, b, who, comment);
  }

  /** Splits two records: different people (a cannot-link), whether or not they were merged. */
  public Decision split(RecordKey a, RecordKey b, String who, String comment) {
    return pair(DecisionAction.SPLIT, a, b, who, comment);
  }

  /** A published golden record with lineage and members; empty when no such ID was published. */
  public Optional<GoldenView> golden(String goldenId) {
    return jdbi.inTransaction(h -> {
      StewardDao dao = h.attach(StewardDao.class);
      Optional<String> current = dao.currentGoldenId(goldenId);
      if (current.isEmpty()) {
        return Optional.empty();
      }
      List<GoldenMember> members = dao.members(current.get());
      List<Decision> decisions = dao.decisionsNaming(
          members.stream().map(m -> m.key().system()).toArray(String[]::new),
          members.stream().map(m -> m.key().sourceId()).toArray(String[]::new));
      return Optional.of(new GoldenView(goldenId, current.get(), dao.lineage(current.get()),
          members, decisions));
    });
  }

  /** The published golden record that holds a source record, if any. */
  public Optional<String> goldenIdOf(RecordKey record) {
    return jdbi.withExtension(StewardDao.class,
        dao -> dao.goldenOf(record.system(), record.sourceId()).map(StewardDao.GoldenOf::goldenId));
  }

  /** The decisions in force (active or waiting for re-review), or all of them. */
  public List<Decision> decisions(boolean includeSuperseded) {
    return jdbi.withExtension(StewardDao.class, dao -> dao.decisions(includeSuperseded));
  }

  /** Audit entries, newest first. */
  public List<AuditEntry> audit(AuditQuery query) {
    return jdbi.withHandle(h -> AuditLog.read(h, query));
  }

  // ---- internals

  private Decision settle(long itemId, DecisionAction action, String who, String comment) {
    String steward = steward(who);
    return jdbi.inTransaction(h -> {
      StewardDao dao = h.attach(StewardDao.class);
      QueueItem item = dao.item(itemId).orElseThrow(() -> noItem(itemId));
      Map<RecordKey, Map<String, String>> fields =
          MatchingFields.load(h, rules, List.of(item.left(), item.right()));
      String before = before(dao, item.left(), item.right())
          .put("item_status", item.status().key()).toString();
      Decision decision = decide(dao, action, item.left(), item.right(), fields, steward,
          comment, null, itemId);
      dao.settle(itemId, action.mustLink() ? "approved" : "rejected", decision.decisionId());
      AuditLog.append(h, steward, action.key(), target(item), country(dao, item.left()), before,
          after(decision, fields), comment);
      return decision;
    });
  }

  private Decision pair(DecisionAction action, RecordKey a, RecordKey b, String who,
      String comment) {
    String steward = steward(who);
    if (a.equals(b)) {
      throw new StewardException("a record cannot be " + action.key() + "ed with itself: " + a);
    }
    RecordKey left = a.compareTo(b) < 0 ? a : b;
    RecordKey right = left == a ? b : a;
    return jdbi.inTransaction(h -> {
      StewardDao dao = h.attach(StewardDao.class);
      Map<RecordKey, Map<String, String>> fields =
          MatchingFields.load(h, rules, List.of(left, right));
      String before = before(dao, left, right).toString();
      Decision decision = decide(dao, action, left, right, fields, steward, comment, null, null);
      Optional<Long> item = dao.itemOf(left, right);
      item.ifPresent(id -> dao.settle(id, action.mustLink() ? "approved" : "rejected",
          decision.decisionId()));
      AuditLog.append(h, steward, action.key(), left + " ~ " + right, country(dao, left), before,
          after(decision, fields), comment);
      return decision;
    });
  }

  /** Stores a decision on a pair, superseding the one in force on it, if any. */
  private static Decision decide(StewardDao dao, DecisionAction action, RecordKey a, RecordKey b,
      Map<RecordKey, Map<String, String>> fields, String who, String comment, String goldenId,
      Long itemId) {
    RecordKey left = a.compareTo(b) < 0 ? a : b;
    RecordKey right = left == a ? b : a;
    for (RecordKey key : List.of(left, right)) {
      if (!fields.containsKey(key)) {
        throw notInLastRun(key);
      }
    }
    Optional<Long> old = dao.inForce(left, right);
    old.ifPresent(dao::supersede);
    long id = dao.insertDecision(action.key(), action.kind(), left, right,
        MatchingFields.json(fields.get(left)), MatchingFields.json(fields.get(right)),
        MatchingFields.hash(fields.get(left)), MatchingFields.hash(fields.get(right)), who,
        blankToNull(comment), goldenId, itemId);
    old.ifPresent(o -> dao.supersededBy(o, id));
    return dao.decision(id).orElseThrow();
  }

  private RecordView recordView(StewardDao dao, RecordKey key, Map<String, String> fields) {
    Map<String, String> values = dao.values(key.system(), key.sourceId()).orElse(Map.of());
    Optional<StewardDao.GoldenOf> golden = dao.goldenOf(key.system(), key.sourceId());
    Map<String, String> ordered = new LinkedHashMap<>();
    for (Comparison c : rules.comparisons()) {
      if (fields.containsKey(c.field())) {
        ordered.put(c.field(), fields.get(c.field()));
      }
    }
    fields.forEach(ordered::putIfAbsent);
    return new RecordView(key, values, ordered, golden.map(StewardDao.GoldenOf::goldenId)
        .orElse(null), golden.map(StewardDao.GoldenOf::records).orElse(0));
  }

  private static JsonText before(StewardDao dao, RecordKey left, RecordKey right) {
    Map<String, Object> golden = new LinkedHashMap<>();
    for (RecordKey key : List.of(left, right)) {
      golden.put(key.toString(), dao.goldenOf(key.system(), key.sourceId())
          .map(StewardDao.GoldenOf::goldenId).orElse(null));
    }
    JsonText before = new JsonText().put("golden_ids", golden);
    Optional<Decision> previous = dao.inForce(left, right).flatMap(dao::decision);
    before.put("decision", previous.map(d -> new JsonText().put("decision_id", d.decisionId())
        .put("action", d.action().key()).put("status", d.status().key())
        .put("decided_by", d.decidedBy())).orElse(null));
    return before;
  }

  private static String after(Decision d, Map<RecordKey, Map<String, String>> fields) {
    return new JsonText().put("decision_id", d.decisionId()).put("action", d.action().key())
        .put("kind", d.action().kind())
        .put("left", new JsonText().put("record", d.left().toString())
            .put("fields", fields.get(d.left())).put("hash", MatchingFields.hash(fields.get(d.left()))))
        .put("right", new JsonText().put("record", d.right().toString())
            .put("fields", fields.get(d.right()))
            .put("hash", MatchingFields.hash(fields.get(d.right()))))
        .toString();
  }

  private static String country(StewardDao dao, RecordKey key) {
    return dao.values(key.system(), key.sourceId()).map(v -> v.get("country")).orElse(null);
  }

  private static RecordKey other(Decision d, RecordKey record) {
    return d.left().equals(record) ? d.right() : d.left();
  }

  private static String target(QueueItem item) {
    return "item " + item.itemId() + ": " + item.left() + " ~ " + item.right();
  }

  private static String steward(String who) {
    if (who == null || who.isBlank()) {
      throw new StewardException("who decides? give the steward's name (--as NAME)");
    }
    return who.trim();
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  private static StewardException noItem(long itemId) {
    return new StewardException("no queue item " + itemId
        + " (./hcp360 steward queue lists them)");
  }

  private static StewardException notInLastRun(RecordKey key) {
    return new StewardException(key + " is not a party record of the last run"
        + " (records are SOURCE:ID, as in publish.hcp_xref)");
  }
}

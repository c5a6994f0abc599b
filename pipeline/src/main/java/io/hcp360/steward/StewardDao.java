package io.hcp360.steward;

import io.hcp360.evaluate.RecordKey;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL of the merge queue and the steward's decisions. */
interface StewardDao {

  // ---- the queue

  @SqlQuery
  @UseClasspathSqlLocator
  @RegisterRowMapper(QueueItemMapper.class)
  List<QueueItem> queue(@Bind("statuses") String[] statuses, @Bind("market") String market,
      @Bind("sourcePair") String sourcePair, @Bind("minScore") Double minScore,
      @Bind("maxScore") Double maxScore, @Bind("informative") boolean informative,
      @Bind("itemId") Long itemId, @Bind("limit") int limit);

  default Optional<QueueItem> item(long itemId) {
    String[] all = java.util.Arrays.stream(ItemStatus.values()).map(ItemStatus::key)
        .toArray(String[]::new);
    return queue(all, null, null, null, null, false, itemId, 1).stream().findFirst();
  }

  /** A comparison of an item's explanation (the item's own, else the last run's for the pair). */
  record ExplainedLevel(String comparison, String level, double weight) {}

  @SqlQuery
  @UseClasspathSqlLocator
  @RegisterRowMapper(ExplainedLevelMapper.class)
  List<ExplainedLevel> explanation(@Bind("itemId") long itemId);

  @SqlUpdate("""
      update hcp.review_item set status = :status, decision_id = :decisionId
      where item_id = :itemId""")
  void settle(@Bind("itemId") long itemId, @Bind("status") String status,
      @Bind("decisionId") long decisionId);

  @SqlUpdate("""
      update hcp.review_item set skipped_by = :who, skipped_at = now() where item_id = :itemId""")
  void skip(@Bind("itemId") long itemId, @Bind("who") String who);

  @SqlQuery("""
      select item_id from hcp.review_item
      where left_system = :a.system and left_source_id = :a.sourceId
        and right_system = :b.system and right_source_id = :b.sourceId""")
  Optional<Long> itemOf(@org.jdbi.v3.sqlobject.customizer.BindMethods("a") RecordKey a,
      @org.jdbi.v3.sqlobject.customizer.BindMethods("b") RecordKey b);

  // ---- records and golden records

  /** The cleaned values of a record of the last run, by column, in display order. */
  @SqlQuery("""
      select first_name, middle_name, last_name, suffix, credential, specialty, npi, national_id,
        state_license, organisation, address_line1, address_line2, city, region, postal_code,
        country, phone, email, gender, status, last_modified::text as last_modified
      from hcp.party where system = :system and source_id = :sourceId""")
  @RegisterRowMapper(ValuesMapper.class)
  Optional<Map<String, String>> values(@Bind("system") String system,
      @Bind("sourceId") String sourceId);

  /** A record's published golden ID and how many records that golden record holds. */
  record GoldenOf(String goldenId, int records) {}

  @SqlQuery("""
      select x.golden_id, (select count(*) from publish.hcp_xref y
                           where y.golden_id = x.golden_id)::int as records
      from publish.hcp_xref x where x.source = :system and x.source_id = :sourceId""")
  @org.jdbi.v3.sqlobject.config.RegisterConstructorMapper(GoldenOf.class)
  Optional<GoldenOf> goldenOf(@Bind("system") String system, @Bind("sourceId") String sourceId);

  /** The golden ID that holds the records of an ID ever published now. */
  @SqlQuery("select current_id from publish.golden_id_resolution where requested_id = :id")
  Optional<String> currentGoldenId(@Bind("id") String goldenId);

  @SqlQuery("""
      select attribute, value, source, source_id, rule, source_updated
      from publish.hcp_lineage where golden_id = :id order by attribute""")
  @RegisterRowMapper(GoldenValueMapper.class)
  List<GoldenValue> lineage(@Bind("id") String goldenId);

  @SqlQuery("""
      select x.source, x.source_id, concat_ws(' ', p.first_name, p.middle_name, p.last_name)
        as name, p.npi, p.email, p.phone, p.city, p.country, p.last_modified
      from publish.hcp_xref x
      left join hcp.party p on p.system = x.source and p.source_id = x.source_id
      where x.golden_id = :id order by x.source, x.source_id""")
  @RegisterRowMapper(GoldenMemberMapper.class)
  List<GoldenMember> members(@Bind("id") String goldenId);

  // ---- decisions

  @SqlQuery("""
      select decision_id from hcp.steward_decision
      where left_system = :a.system and left_source_id = :a.sourceId
        and right_system = :b.system and right_source_id = :b.sourceId
        and status <> 'superseded'""")
  Optional<Long> inForce(@org.jdbi.v3.sqlobject.customizer.BindMethods("a") RecordKey a,
      @org.jdbi.v3.sqlobject.customizer.BindMethods("b") RecordKey b);

  @SqlUpdate("update hcp.steward_decision set status = 'superseded' where decision_id = :id")
  void supersede(@Bind("id") long decisionId);

  @SqlUpdate("update hcp.steward_decision set superseded_by = :by where decision_id = :id")
  void supersededBy(@Bind("id") long decisionId, @Bind("by") long by);

  @SqlUpdate("""
      insert into hcp.steward_decision (action, kind, left_system, left_source_id, right_system,
        right_source_id, left_fields, right_fields, left_hash, right_hash, decided_by, comment,
        golden_id, item_id)
      values (:action, :kind, :a.system, :a.sourceId, :b.system, :b.sourceId,
        :leftFields::jsonb, :rightFields::jsonb, :leftHash, :rightHash, :who, :comment,
        :goldenId, :itemId)""")
  @GetGeneratedKeys("decision_id")
  long insertDecision(@Bind("action") String action, @Bind("kind") String kind,
      @org.jdbi.v3.sqlobject.customizer.BindMethods("a") RecordKey a,
      @org.jdbi.v3.sqlobject.customizer.BindMethods("b") RecordKey b,
      @Bind("leftFields") String leftFields, @Bind("rightFields") String rightFields,
      @Bind("leftHash") String leftHash, @Bind("rightHash") String rightHash,
      @Bind("who") String who, @Bind("comment") String comment,
      @Bind("goldenId") String goldenId, @Bind("itemId") Long itemId);

  String DECISION_COLUMNS = """
      decision_id, action, left_system, left_source_id, right_system, right_source_id,
      decided_by, decided_at, comment, status, review_reason, golden_id, item_id""";

  @SqlQuery("select " + DECISION_COLUMNS + " from hcp.steward_decision where decision_id = :id")
  @RegisterRowMapper(DecisionMapper.class)
  Optional<Decision> decision(@Bind("id") long decisionId);

  @SqlQuery("select " + DECISION_COLUMNS + " from hcp.steward_decision"
      + " where :all or status <> 'superseded' order by decision_id")
  @RegisterRowMapper(DecisionMapper.class)
  List<Decision> decisions(@Bind("all") boolean includeSuperseded);

  /** The decisions in force that name one of these records. */
  @SqlQuery("select " + DECISION_COLUMNS + " from hcp.steward_decision"
      + " where status <> 'superseded' and ((left_system, left_source_id) in"
      + " (select * from unnest(:systems::text[], :ids::text[]))"
      + " or (right_system, right_source_id) in"
      + " (select * from unnest(:systems::text[], :ids::text[]))) order by decision_id")
  @RegisterRowMapper(DecisionMapper.class)
  List<Decision> decisionsNaming(@Bind("systems") String[] systems, @Bind("ids") String[] ids);

  // ---- mappers

  final class QueueItemMapper implements RowMapper<QueueItem> {
    @Override
    public QueueItem map(ResultSet rs, StatementContext ctx) throws SQLException {
      return new QueueItem(rs.getLong("item_id"), ItemStatus.of(rs.getString("status")),
          new RecordKey(rs.getString("left_system"), rs.getString("left_source_id")),
          new RecordKey(rs.getString("right_system"), rs.getString("right_source_id")),
          rs.getString("left_name"), rs.getString("right_name"), rs.getString("source_pair"),
          rs.getString("market"), rs.getObject("score", Double.class),
          rs.getObject("probability", Double.class), rs.getDouble("match_threshold"),
          rs.getDouble("review_threshold"), rs.getInt("records_joined"),
          rs.getString("review_reason"), rs.getLong("first_run_id"), rs.getLong("last_run_id"));
    }
  }

  final class ExplainedLevelMapper implements RowMapper<ExplainedLevel> {
    @Override
    public ExplainedLevel map(ResultSet rs, StatementContext ctx) throws SQLException {
      return new ExplainedLevel(rs.getString("comparison"), rs.getString("level"),
          rs.getDouble("weight"));
    }
  }

  final class ValuesMapper implements RowMapper<Map<String, String>> {
    @Override
    public Map<String, String> map(ResultSet rs, StatementContext ctx) throws SQLException {
      Map<String, String> values = new LinkedHashMap<>();
      for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
        values.put(rs.getMetaData().getColumnLabel(i), rs.getString(i));
      }
      return values;
    }
  }

  final class GoldenValueMapper implements RowMapper<GoldenValue> {
    @Override
    public GoldenValue map(ResultSet rs, StatementContext ctx) throws SQLException {
      return new GoldenValue(rs.getString("attribute"), rs.getString("value"),
          new RecordKey(rs.getString("source"), rs.getString("source_id")), rs.getString("rule"),
          instant(rs.getTimestamp("source_updated")));
    }
  }

  final class GoldenMemberMapper implements RowMapper<GoldenMember> {
    @Override
    public GoldenMember map(ResultSet rs, StatementContext ctx) throws SQLException {
      return new GoldenMember(new RecordKey(rs.getString("source"), rs.getString("source_id")),
          rs.getString("name"), rs.getString("npi"), rs.getString("email"),
          rs.getString("phone"), rs.getString("city"), rs.getString("country"),
          instant(rs.getTimestamp("last_modified")));
    }
  }

  final class DecisionMapper implements RowMapper<Decision> {
    @Override
    public Decision map(ResultSet rs, StatementContext ctx) throws SQLException {
      return new Decision(rs.getLong("decision_id"), DecisionAction.of(rs.getString("action")),
          new RecordKey(rs.getString("left_system"), rs.getString("left_source_id")),
          new RecordKey(rs.getString("right_system"), rs.getString("right_source_id")),
          rs.getString("decided_by"), instant(rs.getTimestamp("decided_at")),
          rs.getString("comment"), DecisionStatus.of(rs.getString("status")),
          rs.getString("review_reason"), rs.getString("golden_id"),
          rs.getObject("item_id", Long.class));
    }
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}

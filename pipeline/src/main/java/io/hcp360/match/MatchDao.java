package io.hcp360.match;

import io.hcp360.Hcp360Exception;
import io.hcp360.db.BinaryCopyReader;
import java.io.IOException;
import java.sql.SQLException;
import java.util.Arrays;
import org.jdbi.v3.sqlobject.SqlObject;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL of the match stage (the pairs themselves are written with COPY). */
interface MatchDao extends SqlObject {

  @SqlUpdate("truncate hcp.scored_pair, hcp.dropped_pair")
  void clear();

  @SqlUpdate("delete from hcp.match_change where run_id = :runId")
  void clearChanges(@Bind("runId") long runId);

  /** The records an incremental run changed: added or changed (now), changed or deleted (then). */
  @SqlQuery("select party_id from hcp.party_change where run_id = :runId and change in (<kinds>)"
      + " order by party_id")
  int[] changed(@Bind("runId") long runId, @BindList("kinds") java.util.List<String> kinds);

  /**
   * The last run's links: stored pairs and links taken back, as packed record pairs (read with
   * a binary COPY: 600,000 of them at 1,000,000 records).
   */
  default long[] links() {
    long[] links = new long[1 << 16];
    int size = 0;
    try (BinaryCopyReader rows = BinaryCopyReader.open(getHandle(), """
        select ((left_id - 1)::bigint << 32) | (right_id - 1) from hcp.scored_pair
        union all
        select ((left_id - 1)::bigint << 32) | (right_id - 1) from hcp.dropped_pair""", 1)) {
      while (rows.next()) {
        if (size == links.length) {
          links = Arrays.copyOf(links, 2 * size);
        }
        links[size++] = rows.int8();
      }
    } catch (SQLException | IOException e) {
      throw new Hcp360Exception("could not read the last run's links: " + e.getMessage(), e);
    }
    return Arrays.copyOf(links, size);
  }

  @SqlUpdate("create temporary table match_region (party_id integer primary key) on commit drop")
  void createRegion();

  @SqlUpdate("insert into match_region select unnest(:ids::integer[])")
  void region(@Bind("ids") int[] ids);

  /**
   * Forgets the links of the region's records, which the run decides again. A stored link has
   * both ends in the region or neither ({@link IncrementalMatch#region}), so its left end finds
   * it, through the primary key (the left or right end looked up by a scan of every link: 0.6 s
   * at 1,000,000 records).
   */
  @SqlUpdate("""
      with s as (delete from hcp.scored_pair
                 where left_id = any(array(select party_id from match_region)))
      delete from hcp.dropped_pair
      where left_id = any(array(select party_id from match_region))""")
  void forgetRegion();

  @SqlUpdate("insert into hcp.match_change (run_id, party_id)"
      + " select :runId, party_id from match_region")
  void regionChanged(@Bind("runId") long runId);

  @SqlUpdate("delete from hcp.rule_set_level where rule_set = :ruleSet")
  void clearLevelNames(@Bind("ruleSet") String ruleSet);

  @SqlUpdate("""
      insert into hcp.rule_set_level (rule_set, comparison_index, comparison, level_index, level)
      values (:ruleSet, :comparisonIndex, :comparison, :levelIndex, :level)""")
  void levelName(@Bind("ruleSet") String ruleSet, @Bind("comparisonIndex") int comparisonIndex,
      @Bind("comparison") String comparison, @Bind("levelIndex") int levelIndex,
      @Bind("level") String level);

  @SqlUpdate("delete from hcp.score_histogram where run_id = :runId")
  void clearHistogram(@Bind("runId") long runId);

  @SqlUpdate("insert into hcp.score_histogram (run_id, bin, pairs) values (:runId, :bin, :pairs)")
  void histogramBin(@Bind("runId") long runId, @Bind("bin") int bin, @Bind("pairs") long pairs);
}

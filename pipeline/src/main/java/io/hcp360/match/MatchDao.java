package io.hcp360.match;

import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL of the match stage (the pairs themselves are written with COPY). */
interface MatchDao {

  @SqlUpdate("truncate hcp.scored_pair")
  void clear();

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

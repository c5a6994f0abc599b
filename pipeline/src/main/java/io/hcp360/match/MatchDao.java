package io.hcp360.match;

import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL of the match stage (the pairs themselves are written with COPY). */
interface MatchDao {

  @SqlUpdate("truncate hcp.match_pair")
  void clear();
}

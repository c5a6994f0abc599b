package io.hcp360.cluster;

import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL of the cluster stage. */
interface ClusterDao {

  @SqlUpdate("truncate hcp.cluster_member")
  void clear();
}

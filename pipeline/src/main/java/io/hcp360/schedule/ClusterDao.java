package io.hcp360.schedule;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** The scheduler processes of the Quartz cluster, as they last checked in. */
public interface ClusterDao {

  /** A scheduler process: its Quartz instance id and when it last said it was alive. */
  record Member(String instanceName, Instant lastCheckin, long checkinIntervalMillis) {}

  @SqlQuery("""
      select instance_name, to_timestamp(last_checkin_time / 1000.0) as last_checkin,
        checkin_interval as checkin_interval_millis
      from quartz.qrtz_scheduler_state where sched_name = 'hcp360' order by instance_name""")
  @RegisterConstructorMapper(Member.class)
  List<Member> members();
}

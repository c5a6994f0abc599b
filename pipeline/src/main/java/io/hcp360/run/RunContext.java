package io.hcp360.run;

import io.hcp360.config.JobConfig;
import io.hcp360.match.rules.RuleSet;
import java.util.Objects;
import org.jdbi.v3.core.Jdbi;

/**
 * What a stage needs to do its part of one run.
 *
 * @param runId the run; stays the same when a failed run is restarted
 * @param rules the matching rule set, validated
 * @param incremental whether the run processes only what changed since the last run (the run's
 *     mode is decided when it starts and kept when it is restarted; see {@link RunMode})
 */
public record RunContext(long runId, JobConfig job, RuleSet rules, Jdbi jdbi,
    boolean incremental) {

  public RunContext {
    Objects.requireNonNull(job, "job");
    Objects.requireNonNull(rules, "rules");
    Objects.requireNonNull(jdbi, "jdbi");
  }

  /** A full run: every stage rebuilds what it produces. */
  public RunContext(long runId, JobConfig job, RuleSet rules, Jdbi jdbi) {
    this(runId, job, rules, jdbi, false);
  }
}

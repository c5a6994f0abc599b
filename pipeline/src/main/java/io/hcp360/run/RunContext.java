package io.hcp360.run;

import io.hcp360.config.JobConfig;
import java.util.Objects;
import org.jdbi.v3.core.Jdbi;

/**
 * What a stage needs to do its part of one run.
 *
 * @param runId the run; stays the same when a failed run is restarted
 */
public record RunContext(long runId, JobConfig job, Jdbi jdbi) {

  public RunContext {
    Objects.requireNonNull(job, "job");
    Objects.requireNonNull(jdbi, "jdbi");
  }
}

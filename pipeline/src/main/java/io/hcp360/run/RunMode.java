package io.hcp360.run;

import io.hcp360.match.rules.RuleSet;
import io.hcp360.match.scoring.ParametersFile;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides whether a new run is incremental, and keeps the state that decision rests on: the
 * party, pair and cluster tables are consistent with each other once the cluster step of the
 * run that last standardized has completed. A run is incremental unless a full one was asked
 * for, or the tables are not consistent (no run yet, or one abandoned between standardize and
 * cluster), or the rule set changed, or it has no trained parameters (training reads all data).
 */
public final class RunMode {
  private static final Logger LOG = LoggerFactory.getLogger(RunMode.class);

  private RunMode() {}

  /** The state row, if any run has standardized yet. */
  record State(String model, long standardizedRun, Long clusteredRun) {}

  /** Whether a new run of this rule set can be incremental; logs why not. */
  public static boolean incremental(Jdbi jdbi, RuleSet rules, boolean fullAsked) {
    Optional<String> why = fullAsked ? Optional.of("a full run was asked for (--full)")
        : whyFull(jdbi, rules);
    why.ifPresent(reason -> LOG.info("full run: {}", reason));
    return why.isEmpty();
  }

  private static Optional<String> whyFull(Jdbi jdbi, RuleSet rules) {
    Optional<State> state = jdbi.withHandle(h -> h.createQuery(
            "select model, standardized_run, clustered_run from hcp.incremental_state")
        .map((rs, ctx) -> new State(rs.getString(1), rs.getLong(2),
            (Long) rs.getObject(3, Long.class)))
        .findOne());
    if (state.isEmpty()) {
      return Optional.of("no earlier run to build on");
    }
    if (!state.get().model().equals(model(rules))) {
      return Optional.of("the rule set or its trained parameters changed (" + state.get().model()
          + " before, " + model(rules) + " now)");
    }
    if (!Long.valueOf(state.get().standardizedRun()).equals(state.get().clusteredRun())) {
      return Optional.of("run " + state.get().standardizedRun()
          + " standardized records but did not cluster them");
    }
    boolean frequencies = jdbi.withHandle(h -> h.createQuery(
            "select exists (select 1 from hcp.term_frequency_total where rule_set = :rules)")
        .bind("rules", rules.label()).mapTo(Boolean.class).one());
    if (!frequencies) {
      return Optional.of("no term frequencies are kept for " + rules.label());
    }
    if (ParametersFile.read(rules).isEmpty()) {
      return Optional.of("the rule set has no trained parameters (the match step trains them"
          + " on all records)");
    }
    return Optional.empty();
  }

  /** The standardize step of this run has replaced the party records. */
  public static void standardized(Handle handle, long runId, RuleSet rules) {
    handle.createUpdate("""
            insert into hcp.incremental_state (model, standardized_run) values (:rules, :runId)
            on conflict (id) do update set model = :rules, standardized_run = :runId""")
        .bind("rules", model(rules)).bind("runId", runId).execute();
  }

  /**
   * The matching model the party, pair and cluster tables were made with: the rule set's label
   * and a digest of its trained parameters (training again changes the scores of all pairs).
   */
  static String model(RuleSet rules) {
    java.nio.file.Path trained = rules.trainedFile();
    String digest = "untrained";
    try {
      if (java.nio.file.Files.exists(trained)) {
        byte[] hash = java.security.MessageDigest.getInstance("SHA-256")
            .digest(java.nio.file.Files.readAllBytes(trained));
        digest = java.util.HexFormat.of().formatHex(hash, 0, 6);
      }
    } catch (java.io.IOException | java.security.NoSuchAlgorithmException e) {
      digest = "unreadable";
    }
    return rules.label() + " parameters " + digest;
  }

  /**
   * The run after which ingest has recorded every change to the staged party rows
   * ({@code hcp.staged_change}): the last run that standardized, unless a full run has staged
   * since (a full run's ingest records none).
   */
  public static Optional<Long> stagedChangesSince(Handle handle) {
    return handle.createQuery("""
            select standardized_run from hcp.incremental_state s
            where not exists (select 1 from hcp.run r
                              where r.run_id > s.standardized_run and r.mode = 'full')""")
        .mapTo(Long.class).findOne();
  }

  /** The steps that record, in hcp.incremental_state, the run they last did. */
  public enum Step {
    STANDARDIZE("standardized_run"), MATCH("matched_run"), CLUSTER("clustered_run"),
    GOLDEN("golden_run");

    private final String column;

    Step(String column) {
      this.column = column;
    }
  }

  /**
   * Whether the step's transaction already committed for this run: a run killed after that,
   * before Spring Batch recorded the step as done, must not do it again (an incremental step
   * reads the tables it writes).
   */
  public static boolean done(Jdbi jdbi, Step step, long runId) {
    boolean done = jdbi.withHandle(handle -> handle.createQuery(
            "select " + step.column + " = :runId from hcp.incremental_state")
        .bind("runId", runId).mapTo(Boolean.class).findOne().orElse(false));
    if (done) {
      LOG.info("  already done by this run before it was interrupted");
    }
    return done;
  }

  /** Records that the step did this run, in the step's own transaction. */
  public static void did(Handle handle, Step step, long runId) {
    handle.createUpdate("update hcp.incremental_state set " + step.column + " = :runId")
        .bind("runId", runId).execute();
  }

  /** The mode a run was started in. */
  public static boolean incremental(Handle handle, long runId) {
    return handle.createQuery("select mode = 'incremental' from hcp.run where run_id = :runId")
        .bind("runId", runId).mapTo(Boolean.class).findOne().orElse(false);
  }
}

package io.hcp360.job;

import io.hcp360.activity.ActivityStage;
import io.hcp360.cluster.ClusterStage;
import io.hcp360.config.JobConfig;
import io.hcp360.consent.ConsentStage;
import io.hcp360.gate.GateStage;
import io.hcp360.gate.QualityGates;
import io.hcp360.golden.GoldenStage;
import io.hcp360.ingest.IngestStage;
import io.hcp360.match.MatchStage;
import io.hcp360.match.rules.RuleSet;
import io.hcp360.publish.PublishStage;
import io.hcp360.report.ReportStage;
import io.hcp360.report.RunReports;
import io.hcp360.run.Stage;
import io.hcp360.standardize.StandardizeStage;
import io.hcp360.steward.ReviewQueueStage;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.Step;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.builder.SimpleJobBuilder;
import org.springframework.batch.core.step.builder.StepBuilder;

/**
 * The nightly job: the stages of the design, in order, as Spring Batch steps. A failed run
 * restarts at the step that failed; the steps before it are not run again.
 */
final class NightlyJob {
  private NightlyJob() {}

  /** The stages, in the order they run. */
  static List<Stage> stages(QualityGates gates, RunReports reports) {
    return List.of(new IngestStage(), new StandardizeStage(),
        new MatchStage(reports.home().resolve("cache")),
        new ClusterStage(), new ReviewQueueStage(), new GoldenStage(), new ConsentStage(),
        new ActivityStage(), new GateStage(gates), new PublishStage(gates),
        new ReportStage(reports));
  }

  /**
   * @param acceptGates publish even when a quality gate is over its limit
   * @param reports where run reports go
   * @param full rebuild everything rather than process what changed since the last run
   */
  static Job build(JobConfig config, RuleSet rules, Jdbi jdbi, BatchInfrastructure batch,
      boolean acceptGates, RunReports reports, boolean full) {
    SimpleJobBuilder builder = null;
    for (Stage stage : stages(new QualityGates(config.gates(), acceptGates), reports)) {
      Step step = new StepBuilder(stage.name(), batch.repository())
          .tasklet(new StageTasklet(stage, config, rules, jdbi), batch.transactionManager())
          .build();
      builder = builder == null
          ? new JobBuilder(config.name(), batch.repository()).start(step)
          : builder.next(step);
    }
    return builder.listener(new RunListener(config, rules, jdbi, reports, full)).build();
  }
}

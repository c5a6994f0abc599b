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
import io.hcp360.report.ReportFiguresStage;
import io.hcp360.report.ReportStage;
import io.hcp360.report.RunReports;
import io.hcp360.run.Stage;
import io.hcp360.standardize.StandardizeStage;
import io.hcp360.steward.ReviewQueueStage;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.Step;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.builder.FlowBuilder;
import org.springframework.batch.core.job.builder.JobFlowBuilder;
import org.springframework.batch.core.job.flow.Flow;
import org.springframework.batch.core.job.flow.support.SimpleFlow;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.core.task.SimpleAsyncTaskExecutor;

/**
 * The nightly job: the stages of the design, in order, as Spring Batch steps. Stages that read
 * and write different tables run at once, as the flows of a split (the review queue beside the
 * golden records, consent beside the activities followed by the quality gates, the report's
 * figures beside publish): the machine has cores to spare there, each of those stages waiting
 * on the server most of its time. A failed run restarts at the steps that failed; the steps done
 * before are not run again, in a split as elsewhere.
 */
final class NightlyJob {
  private NightlyJob() {}

  /**
   * The stages in the order they run, in groups run one after another. A group's flows run at
   * once, each flow's stages one after another; no stage reads what a stage of another flow of
   * its group writes.
   */
  static List<List<List<Stage>>> stages(QualityGates gates, RunReports reports) {
    return List.of(alone(new IngestStage()), alone(new StandardizeStage()),
        alone(new MatchStage(reports.home().resolve("cache"))), alone(new ClusterStage()),
        List.of(List.of(new GoldenStage()), List.of(new ReviewQueueStage())),
        // the gates read the golden records and the rejects, neither consent nor the activities
        List.of(List.of(new ActivityStage(), new GateStage(gates)), List.of(new ConsentStage())),
        List.of(List.of(new PublishStage(gates)), List.of(new ReportFiguresStage(reports))),
        alone(new ReportStage(reports)));
  }

  private static List<List<Stage>> alone(Stage stage) {
    return List.of(List.of(stage));
  }

  /**
   * @param acceptGates publish even when a quality gate is over its limit
   * @param reports where run reports go
   * @param full rebuild everything rather than process what changed since the last run
   */
  static Job build(JobConfig config, RuleSet rules, Jdbi jdbi, BatchInfrastructure batch,
      boolean acceptGates, RunReports reports, boolean full) {
    JobFlowBuilder builder = null;
    for (List<List<Stage>> group : stages(new QualityGates(config.gates(), acceptGates),
        reports)) {
      List<Flow> flows = new ArrayList<>();
      for (List<Stage> stages : group) {
        FlowBuilder<SimpleFlow> flow = new FlowBuilder<>(name(stages));
        for (int i = 0; i < stages.size(); i++) {
          Step step = new StepBuilder(stages.get(i).name(), batch.repository())
              .tasklet(new StageTasklet(stages.get(i), config, rules, jdbi),
                  batch.transactionManager())
              .build();
          flow = i == 0 ? flow.start(step) : flow.next(step);
        }
        flows.add(flow.build());
      }
      Flow flow = flows.size() == 1 ? flows.get(0)
          : new FlowBuilder<SimpleFlow>(String.join("+",
                  group.stream().map(NightlyJob::name).toList()))
              .split(stepThreads()).add(flows.toArray(Flow[]::new)).build();
      builder = builder == null
          ? new JobBuilder(config.name(), batch.repository()).start(flow)
          : (JobFlowBuilder) builder.next(flow);
    }
    return builder.end().listener(new RunListener(config, rules, jdbi, reports, full)).build();
  }

  private static String name(List<Stage> stages) {
    return String.join(">", stages.stream().map(Stage::name).toList());
  }

  /** The threads of the steps that run at once (a thread per flow). */
  private static SimpleAsyncTaskExecutor stepThreads() {
    SimpleAsyncTaskExecutor threads = new SimpleAsyncTaskExecutor("step-");
    threads.setDaemon(true);
    return threads;
  }
}

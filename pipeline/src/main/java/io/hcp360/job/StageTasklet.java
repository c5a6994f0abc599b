package io.hcp360.job;

import io.hcp360.config.JobConfig;
import io.hcp360.match.rules.RuleSet;
import io.hcp360.run.RunContext;
import io.hcp360.run.RunMode;
import io.hcp360.run.Stage;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.repeat.RepeatStatus;

/** Adapts a {@link Stage} to a Spring Batch step; the run id is the job instance id. */
final class StageTasklet implements Tasklet {
  private static final Logger LOG = LoggerFactory.getLogger(StageTasklet.class);

  private final Stage stage;
  private final JobConfig job;
  private final RuleSet rules;
  private final Jdbi jdbi;

  StageTasklet(Stage stage, JobConfig job, RuleSet rules, Jdbi jdbi) {
    this.stage = stage;
    this.job = job;
    this.rules = rules;
    this.jdbi = jdbi;
  }

  @Override
  public RepeatStatus execute(StepContribution contribution, ChunkContext chunk) {
    long runId = chunk.getStepContext().getStepExecution().getJobExecution().getJobInstance()
        .getInstanceId();
    LOG.info("{}", stage.name());
    CrashPoint.reached(stage.name(), "start");
    boolean incremental = jdbi.withHandle(h -> RunMode.incremental(h, runId));
    stage.run(new RunContext(runId, job, rules, jdbi, incremental));
    CrashPoint.reached(stage.name(), "end");
    return RepeatStatus.FINISHED;
  }
}

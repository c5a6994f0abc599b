package io.hcp360.gate;

import io.hcp360.run.RunContext;
import io.hcp360.run.Stage;

/**
 * Before publishing: measures what the run would change in the current publish's golden IDs
 * (kept, new and retired) for the run report, and checks the reject-rate and golden-ID-churn
 * gates. A gate over its limit fails the step: nothing is published. (What the run changes in
 * channel eligibility the consent step measures: the gates do not read consent, and run beside
 * it.)
 */
public final class GateStage implements Stage {
  private final QualityGates gates;

  public GateStage(QualityGates gates) {
    this.gates = gates;
  }

  @Override
  public String name() {
    return "gate";
  }

  @Override
  public void run(RunContext run) {
    run.jdbi().useTransaction(handle -> {
      GateDao dao = handle.attach(GateDao.class);
      dao.clearPublishChange(run.runId());
      if (dao.goldenIncremental(run.runId()).orElse(false)) {
        dao.publishChangeOfRegion(run.runId());
      } else {
        dao.publishChange(run.runId());
      }
    });
    run.jdbi().useHandle(handle -> gates.enforce(handle, run.runId(),
        gates.beforePublish(handle.attach(GateDao.class), run.runId())));
  }
}

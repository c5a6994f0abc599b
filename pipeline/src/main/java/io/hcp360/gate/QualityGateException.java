package io.hcp360.gate;

import io.hcp360.Hcp360Exception;
import java.util.List;
import java.util.stream.Collectors;

/** A run over a quality gate's limit: it does not publish, and the previous publish stays. */
public final class QualityGateException extends Hcp360Exception {
  private final transient List<GateCheck> checks;

  QualityGateException(List<GateCheck> checks) {
    super(message(checks));
    this.checks = List.copyOf(checks);
  }

  /** Every gate checked at that point, those over their limit included. */
  public List<GateCheck> checks() {
    return checks;
  }

  private static String message(List<GateCheck> checks) {
    return "quality gate " + checks.stream().filter(GateCheck::stops).map(GateCheck::verdict)
        .collect(Collectors.joining("; quality gate ")) + ". Nothing was published (the previous"
        + " publish stays); to publish this run anyway: ./hcp360 run --accept-gates";
  }
}

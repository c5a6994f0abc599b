package io.hcp360.gate;

import java.util.Objects;

/**
 * One quality gate checked for a run.
 *
 * @param gate the gate's key in the job file ({@code max_reject_rate}, ...)
 * @param limit the limit, or null when the gate is off (measured all the same)
 * @param measured the value measured, or null when there was nothing to measure
 * @param passed whether the value is within the limit (a gate that is off always passes)
 * @param accepted over the limit, and published all the same ({@code --accept-gates})
 * @param detail what was measured, in words
 */
public record GateCheck(String gate, Double limit, Double measured, boolean passed,
    boolean accepted, String detail) {

  public GateCheck {
    Objects.requireNonNull(gate, "gate");
    Objects.requireNonNull(detail, "detail");
  }

  /** Checks {@code measured} against {@code limit}; nothing measured passes. */
  static GateCheck of(String gate, Double limit, Double measured, String detail) {
    boolean passed = limit == null || measured == null || measured <= limit + 1e-12;
    return new GateCheck(gate, limit, measured, passed, false, detail);
  }

  /** Whether this gate stops the publish: over its limit and not accepted. */
  public boolean stops() {
    return !passed && !accepted;
  }

  GateCheck accept() {
    return passed ? this : new GateCheck(gate, limit, measured, false, true, detail);
  }

  /** "max_reject_rate: 8.3 % of rows rejected (12 of 145), over the limit 5.0 %". */
  public String verdict() {
    String base = gate + ": " + detail;
    if (limit == null) {
      return base + " (gate off)";
    }
    return base + (passed ? ", within the limit " : ", over the limit ") + percent(limit)
        + (accepted ? " (accepted with --accept-gates)" : "");
  }

  static String percent(double fraction) {
    return String.format(java.util.Locale.ROOT, "%.1f %%", fraction * 100);
  }
}

package io.hcp360.consent;

/** How a market treats an HCP with no consent on record for a channel and purpose. */
public enum Regime {
  /** Not eligible without an explicit, unexpired opt-in (the EU and UK). */
  OPT_IN("opt_in"),
  /** Eligible unless opted out (the US). */
  OPT_OUT("opt_out");

  private final String key;

  Regime(String key) {
    this.key = key;
  }

  public String key() {
    return key;
  }
}

package io.hcp360.standardize;

import java.util.Locale;

/** Typed registry numbers as some sources write them: "NPI:1234567893", "RPPS:10003456789". */
public final class Identifiers {
  private Identifiers() {}

  /** The NPI of a typed identifier whose type is NPI, or null. */
  public static String npiFromTyped(String typed) {
    if (typed == null) {
      return null;
    }
    int colon = typed.indexOf(':');
    if (colon <= 0) {
      return null;
    }
    return typed.substring(0, colon).strip().toUpperCase(Locale.ROOT).equals("NPI")
        ? typed.substring(colon + 1).strip() : null;
  }
}

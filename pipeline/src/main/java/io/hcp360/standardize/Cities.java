package io.hcp360.standardize;

/** City names: lower case ASCII, punctuation and hyphens as spaces ("St.-Étienne" → "st etienne"). */
public final class Cities {
  private Cities() {}

  public static String standardize(String city) {
    String key = Text.key(city);
    if (key == null) {
      return null;
    }
    String spaced = key.replace('-', ' ').replaceAll(" {2,}", " ").strip();
    return spaced.isEmpty() ? null : spaced;
  }
}

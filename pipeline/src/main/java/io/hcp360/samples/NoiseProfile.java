package io.hcp360.samples;

/**
 * How carelessly one system records names, in percent of its records.
 *
 * @param typo a letter swapped, dropped or doubled in the first or last name
 * @param nickname a nickname instead of the given name (Bill for William), when one exists
 * @param initial only the initial of the given name ("J.")
 * @param middle the middle name kept at all; {@code middleInitial} of those as an initial
 * @param fold accents written in ASCII (Müller as Mueller or Muller)
 * @param maiden the birth name of a married person; {@code hyphen} "Birth-Married"
 * @param firstSurnameOnly a Spanish double surname cut to the first one
 */
record NoiseProfile(
    int typo,
    int nickname,
    int initial,
    int middle,
    int middleInitial,
    int fold,
    int maiden,
    int hyphen,
    int firstSurnameOnly) {
  NoiseProfile {
    for (int pct : new int[] {typo, nickname, initial, middle, middleInitial, fold, maiden, hyphen, firstSurnameOnly}) {
      if (pct < 0 || pct > 100) {
        throw new IllegalArgumentException("percent out of range: " + pct);
      }
    }
    if (maiden + hyphen > 100) {
      throw new IllegalArgumentException("maiden + hyphen > 100");
    }
  }
}

package io.hcp360.match.blocking;

import java.util.List;
import java.util.Objects;

/**
 * What blocking did, before any scoring: the pairs each rule made, its largest blocks, the blocks
 * too large to pair (never dropped silently), and what the fuzzy look-ups found.
 *
 * @param pairs distinct candidate pairs over all rules
 */
public record BlockingReport(int records, List<RuleFigures> rules, FuzzyFigures fuzzy,
    long pairs) {

  public BlockingReport {
    rules = List.copyOf(rules);
    Objects.requireNonNull(fuzzy, "fuzzy");
  }

  /** A block: the records sharing one key. */
  public record Block(String key, int size) {}

  /**
   * One blocking rule's figures.
   *
   * @param pairs pairs the rule made (before de-duplication across rules)
   * @param capped blocks larger than the cap, not paired
   * @param cappedRecords records in those blocks
   */
  public record RuleFigures(String rule, int blocks, long pairs, List<Block> largest,
      List<Block> capped, long cappedRecords) {
    public RuleFigures {
      largest = List.copyOf(largest);
      capped = List.copyOf(capped);
    }
  }

  /**
   * The fuzzy look-ups.
   *
   * @param orphans records that no blocking rule paired
   * @param searched orphans with a value to search
   * @param found orphans that found at least one candidate
   */
  public record FuzzyFigures(int orphans, int searched, int found, long pairs) {}
}

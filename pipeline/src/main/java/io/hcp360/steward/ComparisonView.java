package io.hcp360.steward;

/**
 * One comparison of a pair: the level it reached and its match weight (log2 m/u), with the two
 * values compared. The prior is listed as a comparison named "prior".
 *
 * @param field the rule-set field compared (null for the prior)
 */
public record ComparisonView(String comparison, String field, String level, double weight,
    String leftValue, String rightValue) {}

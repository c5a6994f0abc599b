package io.hcp360.match;

import io.hcp360.match.blocking.BlockingReport;

/**
 * The figures of one matching pass.
 *
 * @param ambiguous matches taken back because their record could not tell two people apart
 * @param histogram the match weights of the pairs scored (not those a hard rule kept apart)
 */
public record MatchSummary(BlockingReport blocking, long scored, long matches, long reviews,
    long forcedApart, long forcedTogether, long ambiguous, boolean trained,
    ScoreHistogram histogram) {}

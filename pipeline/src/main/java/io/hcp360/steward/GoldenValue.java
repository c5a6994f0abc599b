package io.hcp360.steward;

import io.hcp360.evaluate.RecordKey;
import java.time.Instant;

/** One attribute of a golden record with its lineage: the record it came from, and the rule. */
public record GoldenValue(String attribute, String value, RecordKey source, String rule,
    Instant sourceUpdated) {}

package io.hcp360.steward;

import io.hcp360.evaluate.RecordKey;
import java.util.Map;
import java.util.Objects;

/**
 * One source record of a pair, as the steward sees it.
 *
 * @param values the record's cleaned values by hcp.party column (first_name, last_name, npi,
 *     email, phone, address_line1, city, postal_code, country, specialty, ...), in display order
 * @param matchingFields the standardized fields the matcher compared, by rule-set field name
 * @param goldenId the published golden record it is in, or null when not published yet
 * @param goldenRecords how many published records that golden record holds
 */
public record RecordView(RecordKey key, Map<String, String> values,
    Map<String, String> matchingFields, String goldenId, int goldenRecords) {

  public RecordView {
    Objects.requireNonNull(key, "key");
    values = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
    matchingFields =
        java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(matchingFields));
  }
}

package io.hcp360.steward;

import io.hcp360.evaluate.RecordKey;
import io.hcp360.match.data.PartyDataLoader;
import io.hcp360.match.rules.RuleSet;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;

/**
 * The standardized fields a rule set matches on, of one record, as the matcher reads them: what
 * a decision stores (with a hash) and what a later run compares it with to tell whether the
 * record changed materially.
 */
final class MatchingFields {
  private MatchingFields() {}

  /** The fields of the records that the last run holds, by record; sorted by field name. */
  static Map<RecordKey, Map<String, String>> load(Handle handle, RuleSet rules,
      Collection<RecordKey> keys) {
    String[] systems = keys.stream().map(RecordKey::system).toArray(String[]::new);
    String[] sourceIds = keys.stream().map(RecordKey::sourceId).toArray(String[]::new);
    Map<RecordKey, Map<String, String>> fields = new HashMap<>();
    for (PartyDataLoader.FieldValues row :
        PartyDataLoader.records(handle, rules.fields().values(), systems, sourceIds)) {
      fields.put(new RecordKey(row.system(), row.sourceId()), new TreeMap<>(row.values()));
    }
    return fields;
  }

  /** SHA-256 (hex) of the fields, in field-name order; absent values count. */
  static String hash(Map<String, String> fields) {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    for (Map.Entry<String, String> e : new TreeMap<>(fields).entrySet()) {
      digest.update(e.getKey().getBytes(StandardCharsets.UTF_8));
      digest.update((byte) 0);
      digest.update(e.getValue() == null ? new byte[] {1}
          : e.getValue().getBytes(StandardCharsets.UTF_8));
      digest.update((byte) 0);
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  /**
   * How {@code now} differs from {@code then} on the fields both have ("last_name: smith ->
   * smyth"), or an empty string when they agree (a field added to or removed from the rule set
   * is no change of the record).
   */
  static String changes(Map<String, String> then, Map<String, String> now) {
    StringBuilder changes = new StringBuilder();
    for (Map.Entry<String, String> e : new TreeMap<>(then).entrySet()) {
      if (!now.containsKey(e.getKey())) {
        continue;
      }
      String after = now.get(e.getKey());
      if (!java.util.Objects.equals(e.getValue(), after)) {
        if (!changes.isEmpty()) {
          changes.append(", ");
        }
        changes.append(e.getKey()).append(": ").append(e.getValue() == null ? "(none)"
            : e.getValue()).append(" -> ").append(after == null ? "(none)" : after);
      }
    }
    return changes.toString();
  }

  /** The fields as a JSON object, for the decision and the audit trail. */
  static String json(Map<String, String> fields) {
    JsonText json = new JsonText();
    new TreeMap<>(fields).forEach(json::put);
    return json.toString();
  }
}

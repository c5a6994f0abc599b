package io.hcp360.evaluate;

import java.util.HashMap;
import java.util.Map;

/** Small clusterings written as {@code "system/source_id=label"}. */
final class Examples {
  private Examples() {}

  static Clusters clusters(String... records) {
    Map<RecordKey, String> labels = new HashMap<>();
    for (String r : records) {
      int slash = r.indexOf('/');
      int eq = r.indexOf('=');
      labels.put(new RecordKey(r.substring(0, slash), r.substring(slash + 1, eq)),
          r.substring(eq + 1));
    }
    return Clusters.of(labels);
  }

  static RecordKey key(String systemSlashId) {
    int slash = systemSlashId.indexOf('/');
    return new RecordKey(systemSlashId.substring(0, slash), systemSlashId.substring(slash + 1));
  }

  /** Truth: A = {a1, a2, a3}, B = {b1, b2}, C = {c1}; 4 true pairs. */
  static final Clusters TRUTH = clusters("crm/a1=A", "mdm/a2=A", "crm/a3=A", "crm/b1=B",
      "email/b2=B", "mdm/c1=C");

  /** Predicted: X = {a1, a2, b1}, Y = {a3}, Z = {b2}, W = {c1}: a false merge and misses. */
  static final Clusters MIXED = clusters("crm/a1=X", "mdm/a2=X", "crm/b1=X", "crm/a3=Y",
      "email/b2=Z", "mdm/c1=W");
}

package io.hcp360.steward;

/**
 * Which audit rows to read, newest first. Null fields do not filter.
 *
 * @param target a substring of the target ("HCP000000042", "crm/001A", "item 12", "run 7")
 */
public record AuditQuery(String actor, String action, String target, int limit) {

  public AuditQuery {
    if (limit <= 0) {
      throw new IllegalArgumentException("limit must be positive: " + limit);
    }
  }

  public static AuditQuery latest(int limit) {
    return new AuditQuery(null, null, null, limit);
  }
}

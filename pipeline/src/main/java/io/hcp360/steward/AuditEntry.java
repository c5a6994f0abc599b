package io.hcp360.steward;

import java.time.Instant;

/**
 * One row of the audit trail.
 *
 * @param before the state before, as JSON text (may be null)
 * @param after the state after, as JSON text (may be null)
 */
public record AuditEntry(long auditId, Instant at, String actor, String action, String target,
    String market, String before, String after, String comment) {}

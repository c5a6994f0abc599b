package io.hcp360.db;

import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;

/**
 * Plans for an incremental step's transaction, whose statements join the few rows of what
 * changed with large tables. The planner costs an index look-up as a read from disk, and so
 * hashed whole tables (a million rows each) to join ten thousand: 0.1 to 0.3 s a statement
 * where looking each row up takes a third of that, the tables being in memory. Up to
 * {@link #FEW} rows, joins are made by look-ups (hash and merge joins are disabled for the rest
 * of the transaction); more than that, the planner chooses as usual.
 *
 * <p>Only for a transaction each of whose joins has an index to look rows up in: a join of two
 * tables without one (temporary tables) becomes a loop over both. Tried on the golden step, its
 * claims on the regrouped clusters went from 0.3 s to 4.9 s.
 */
public final class IndexLookups {
  /** Up to this many rows of what changed, joins look them up. */
  public static final long FEW = 100_000;

  private IndexLookups() {}

  /**
   * For the rest of {@code handle}'s transaction, joins look rows up when {@code rows} is
   * {@link #FEW} or less.
   */
  public static void forFew(Handle handle, long rows) {
    if (rows <= FEW) {
      handle.execute("set local enable_hashjoin = off");
      handle.execute("set local enable_mergejoin = off");
    }
  }

  /**
   * Runs one statement of {@code handle}'s transaction with its joins made by look-ups when
   * {@code rows} is {@link #FEW} or less; the statements after it are planned as usual again.
   * For a statement that joins the few rows with a large table only (a join with a temporary
   * table left to the planner becomes a loop: see above).
   */
  public static <T> T forStatement(Handle handle, long rows, Supplier<T> statement) {
    if (rows > FEW) {
      return statement.get();
    }
    handle.execute("set local enable_hashjoin = off");
    handle.execute("set local enable_mergejoin = off");
    try {
      return statement.get();
    } finally {
      handle.execute("set local enable_hashjoin to default");
      handle.execute("set local enable_mergejoin to default");
    }
  }
}

package io.hcp360.publish;

/**
 * How the list statements read the rows of the golden HCPs in {@code list_scope}. After an
 * incremental run it holds a few golden HCPs, whose rows are best looked up by index: joined
 * with {@code list_scope}, the planner hashed it and scanned whole tables (1.7 million
 * activities, 740,000 list rows) for 10,000 golden HCPs at 1,000,000 records, 0.2 to 0.3 s per
 * statement against 0.05 to 0.15 s. When it holds every published golden HCP, those joins are
 * the right plan.
 */
enum ListScope {
  /** A few golden HCPs: their rows looked up by index. */
  FEW("= any(array(select golden_id from list_scope))", true),
  /** Every published golden HCP: the tables joined with list_scope. */
  ALL("in (select golden_id from list_scope)", false);

  private final String inScope;
  private final boolean narrowCurrentRows;

  ListScope(String inScope, boolean narrowCurrentRows) {
    this.inScope = inScope;
    this.narrowCurrentRows = narrowCurrentRows;
  }

  /** What follows a golden_id column to keep list_scope's golden HCPs: {@code <inScope>}. */
  String inScope() {
    return inScope;
  }

  /**
   * What narrows the current list rows compared with list_member to list_scope's golden HCPs
   * (nothing when every one is in scope): {@code <currentInScope>} in openRows.sql.
   */
  String currentInScope() {
    return narrowCurrentRows ? "and r.golden_id " + inScope : "";
  }
}

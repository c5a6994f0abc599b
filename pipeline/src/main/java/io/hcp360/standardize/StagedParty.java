package io.hcp360.standardize;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * One staged party row as the select returned it, copied out of the result set so that another
 * thread can standardize it. Values are looked up by column name.
 */
final class StagedParty {
  private final Map<String, Integer> columns;
  private final String[] values;

  private StagedParty(Map<String, Integer> columns, String[] values) {
    this.columns = columns;
    this.values = values;
  }

  /** The column positions of a result set, shared by all of its rows. */
  static Map<String, Integer> columns(ResultSet rs) throws SQLException {
    ResultSetMetaData meta = rs.getMetaData();
    Map<String, Integer> columns = new HashMap<>();
    for (int i = 1; i <= meta.getColumnCount(); i++) {
      columns.put(meta.getColumnLabel(i), i - 1);
    }
    return Map.copyOf(columns);
  }

  /** The current row of a result set. */
  static StagedParty read(ResultSet rs, Map<String, Integer> columns) throws SQLException {
    String[] values = new String[columns.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = rs.getString(i + 1);
    }
    return new StagedParty(columns, values);
  }

  String get(String column) {
    Integer i = columns.get(column);
    if (i == null) {
      throw new IllegalArgumentException("no column " + column + " in the staged party rows");
    }
    return values[i];
  }
}

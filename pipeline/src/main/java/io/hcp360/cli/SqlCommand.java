package io.hcp360.cli;

import io.hcp360.db.Database;
import java.io.PrintWriter;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "sql", mixinStandardHelpOptions = true,
    description = "Run one SQL query against the store and print the rows (no psql needed).")
final class SqlCommand implements Callable<Integer> {
  @Mixin DatabaseOptions database;

  @Parameters(paramLabel = "QUERY", description = "For example: select * from publish.hcp_xref limit 10")
  String query;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (Database db = Database.open(database.settings(0))) {
      List<String[]> rows = db.jdbi().withHandle(h -> h.createQuery(query)
          .scanResultSet((supplier, ctx) -> table(supplier.get())));
      int[] widths = new int[rows.get(0).length];
      for (String[] row : rows) {
        for (int i = 0; i < row.length; i++) {
          widths[i] = Math.min(60, Math.max(widths[i], row[i].length()));
        }
      }
      for (int r = 0; r < rows.size(); r++) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < widths.length; i++) {
          String v = rows.get(r)[i];
          line.append(String.format("%-" + widths[i] + "s", v.length() > 60 ? v.substring(0, 57)
              + "..." : v)).append(i + 1 < widths.length ? " | " : "");
        }
        out.println(line.toString().stripTrailing());
        if (r == 0) {
          out.println("-".repeat(line.toString().stripTrailing().length()));
        }
      }
      out.printf("(%d row%s)%n", rows.size() - 1, rows.size() == 2 ? "" : "s");
      return 0;
    }
  }

  private static List<String[]> table(ResultSet rs) throws java.sql.SQLException {
    ResultSetMetaData meta = rs.getMetaData();
    int n = meta.getColumnCount();
    List<String[]> rows = new ArrayList<>();
    String[] header = new String[n];
    for (int i = 0; i < n; i++) {
      header[i] = meta.getColumnLabel(i + 1);
    }
    rows.add(header);
    while (rs.next()) {
      String[] row = new String[n];
      for (int i = 0; i < n; i++) {
        String v = rs.getString(i + 1);
        row[i] = v == null ? "" : v;
      }
      rows.add(row);
    }
    return rows;
  }
}

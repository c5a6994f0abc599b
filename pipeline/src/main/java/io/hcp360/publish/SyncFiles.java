package io.hcp360.publish;

import io.hcp360.Hcp360Exception;
import io.hcp360.db.Sql;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jdbi.v3.core.Jdbi;

/**
 * Outbound sync files: for each source system, a CSV telling it which golden HCP each of its
 * records belongs to, which record survived for that HCP, and the golden values it should
 * correct (the fields where its record differs from the golden record) — what a CRM team loads
 * back.
 */
public final class SyncFiles {
  /** The compared fields: golden column suffix = record column. */
  private static final List<String> FIELDS = List.of("first_name", "middle_name", "last_name",
      "credential", "specialty", "npi", "email", "phone", "city", "postal_code", "country");

  private SyncFiles() {}

  /** Writes {@code DIR/<system>.csv} for every system with published records; returns counts. */
  public static Map<String, Integer> write(Jdbi jdbi, Path dir) {
    String query = Sql.load(SyncFiles.class, "sync-records");
    List<String> systems = jdbi.withExtension(PublishDao.class, PublishDao::publishedSystems);
    Map<String, Integer> counts = new LinkedHashMap<>();
    try {
      Files.createDirectories(dir);
      for (String system : systems) {
        Path file = dir.resolve(system + ".csv");
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
            CSVPrinter csv = new CSVPrinter(writer, CSVFormat.DEFAULT)) {
          csv.printRecord(header());
          int rows = jdbi.withHandle(h -> h.createQuery(query).bind("system", system)
              .setFetchSize(10_000)
              .scanResultSet((supplier, ctx) -> print(supplier.get(), csv)));
          counts.put(system, rows);
        }
      }
      return counts;
    } catch (IOException e) {
      throw new Hcp360Exception("could not write the sync files to " + dir + ": "
          + e.getMessage(), e);
    }
  }

  private static List<String> header() {
    List<String> header = new ArrayList<>(List.of("source_id", "golden_id", "is_survivor",
        "survivor_source", "survivor_source_id"));
    FIELDS.forEach(f -> header.add("golden_" + f));
    header.add("corrections");
    return header;
  }

  private static int print(ResultSet rs, CSVPrinter csv) throws SQLException {
    int rows = 0;
    try {
      while (rs.next()) {
        List<String> row = new ArrayList<>();
        String sourceId = rs.getString("source_id");
        String survivor = rs.getString("survivor_source_id");
        row.add(sourceId);
        row.add(rs.getString("golden_id"));
        row.add(Boolean.toString(sourceId.equals(survivor)));
        row.add(rs.getString("survivor_source"));
        row.add(survivor);
        List<String> corrections = new ArrayList<>();
        for (String field : FIELDS) {
          String golden = rs.getString("golden_" + field);
          String own = rs.getString(field);
          row.add(golden);
          if (golden != null && !golden.equalsIgnoreCase(own == null ? "" : own.strip())) {
            corrections.add(field + ": " + (own == null ? "(none)" : own) + " -> " + golden);
          }
        }
        row.add(String.join("; ", corrections));
        csv.printRecord(row);
        rows++;
      }
      return rows;
    } catch (IOException e) {
      throw new SQLException("writing the sync file failed: " + e.getMessage(), e);
    }
  }
}

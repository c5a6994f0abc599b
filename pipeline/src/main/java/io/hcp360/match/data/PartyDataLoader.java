package io.hcp360.match.data;

import io.hcp360.Hcp360Exception;
import io.hcp360.match.rules.FieldSource;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/**
 * Loads the fields of a rule set from {@code hcp.party} into {@link PartyData}. The one place
 * that builds a query from names: the rule set's column names are checked against
 * {@link PartyColumns} and extra attribute names against a strict pattern first.
 */
public final class PartyDataLoader {
  private PartyDataLoader() {}

  public static PartyData load(Jdbi jdbi, Collection<FieldSource> fields) {
    return load(jdbi, fields, "hcp.party", null);
  }

  /**
   * Only some records of {@code hcp.party} (numbered as always; the others are absent): what
   * an incremental run's cluster step regroups.
   */
  public static PartyData load(Jdbi jdbi, Collection<FieldSource> fields, int[] partyIds) {
    return load(jdbi, fields, "hcp.party", partyIds);
  }

  /**
   * The earlier versions of the records an incremental run changed or deleted
   * ({@code hcp.party_previous}), numbered as in {@code hcp.party}.
   */
  public static PartyData loadPrevious(Jdbi jdbi, Collection<FieldSource> fields) {
    return load(jdbi, fields, "hcp.party_previous", null);
  }

  private static PartyData load(Jdbi jdbi, Collection<FieldSource> fields, String table,
      int[] only) {
    List<FieldSource> list = new ArrayList<>(fields);
    StringBuilder select = new StringBuilder("select party_id, system");
    for (FieldSource field : list) {
      select.append(", ").append(expression(field));
    }
    select.append(" from ").append(table)
        .append(only == null ? "" : " where party_id = any(:only)").append(" order by party_id");
    return jdbi.inTransaction(handle -> {
      int size = handle.createQuery("select coalesce(max(party_id), 0) from " + table)
          .mapTo(Integer.class).one();
      String[] systems = new String[size];
      List<Encoder> encoders = list.stream().map(f -> new Encoder(f.name(), size)).toList();
      var query = handle.createQuery(select.toString()).setFetchSize(20_000);
      if (only != null) {
        query.bind("only", only);
      }
      query.scanResultSet((supplier, ctx) -> {
            ResultSet rs = supplier.get();
            Map<String, String> systemNames = new HashMap<>();
            while (rs.next()) {
              int record = PartyData.record(rs.getInt(1));
              systems[record] = systemNames.computeIfAbsent(rs.getString(2), s -> s);
              for (int i = 0; i < encoders.size(); i++) {
                encoders.get(i).add(record, rs.getString(i + 3));
              }
            }
            return null;
          });
      Map<String, FieldColumn> columns = new LinkedHashMap<>();
      for (Encoder encoder : encoders) {
        columns.put(encoder.name, encoder.column());
      }
      return new PartyData(size, systems, columns);
    });
  }

  /** One record's fields, as the matcher sees them (null for absent), by rule-set field name. */
  public record FieldValues(String system, String sourceId, Map<String, String> values) {}

  /**
   * The fields of the records named by {@code systems[i], sourceIds[i]} that {@code hcp.party}
   * holds, read with the same expressions as {@link #load}: what a steward's decision records
   * and what a later run compares it with.
   */
  public static List<FieldValues> records(org.jdbi.v3.core.Handle handle,
      Collection<FieldSource> fields, String[] systems, String[] sourceIds) {
    List<FieldSource> list = new ArrayList<>(fields);
    StringBuilder select = new StringBuilder("select system, source_id");
    for (FieldSource field : list) {
      select.append(", ").append(expression(field));
    }
    select.append(" from hcp.party where (system, source_id) in"
        + " (select * from unnest(:systems::text[], :sourceIds::text[]))");
    return handle.createQuery(select.toString())
        .bind("systems", systems).bind("sourceIds", sourceIds)
        .map((rs, ctx) -> {
          Map<String, String> values = new LinkedHashMap<>();
          for (int i = 0; i < list.size(); i++) {
            values.put(list.get(i).name(), rs.getString(i + 3));
          }
          return new FieldValues(rs.getString(1), rs.getString(2), values);
        }).list();
  }

  private static String expression(FieldSource field) {
    String value;
    if (field.column().isPresent()) {
      String column = field.column().get();
      if (!PartyColumns.VALUES.contains(column)) {
        throw new Hcp360Exception("hcp.party has no column " + column);
      }
      value = column + "::text";
    } else {
      String extra = field.extra().orElseThrow();
      if (!extra.matches("[a-z][a-z0-9_]*")) {
        throw new Hcp360Exception("not an extra attribute name: " + extra);
      }
      value = "extras->>'" + extra + "'";
    }
    if (field.validIf().isPresent()) {
      String flag = field.validIf().get();
      if (!PartyColumns.FLAGS.contains(flag)) {
        throw new Hcp360Exception("hcp.party has no flag column " + flag);
      }
      value = "case when " + flag + " then " + value + " end";
    }
    return "nullif(btrim(" + value + "), '')";
  }

  /** Builds one dictionary-encoded column. */
  private static final class Encoder {
    private final String name;
    private final int[] codes;
    private final Map<String, Integer> dictionary = new HashMap<>();
    private final List<String> values = new ArrayList<>();
    private final List<int[]> counts = new ArrayList<>();

    Encoder(String name, int size) {
      this.name = name;
      this.codes = new int[size];
      java.util.Arrays.fill(codes, FieldColumn.ABSENT);
    }

    void add(int record, String value) {
      if (value == null) {
        return;
      }
      Integer code = dictionary.get(value);
      if (code == null) {
        code = values.size();
        dictionary.put(value, code);
        values.add(value);
        counts.add(new int[1]);
      }
      codes[record] = code;
      counts.get(code)[0]++;
    }

    FieldColumn column() {
      int[] frequency = new int[values.size()];
      for (int i = 0; i < frequency.length; i++) {
        frequency[i] = counts.get(i)[0];
      }
      return new FieldColumn(name, codes, values.toArray(String[]::new), frequency);
    }
  }
}

package io.hcp360.match.data;

import io.hcp360.Hcp360Exception;
import io.hcp360.match.rules.FieldSource;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collection;
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
  /** Connections that read records at once. */
  private static final int THREADS = Math.max(1, Runtime.getRuntime().availableProcessors());
  /** Fewer records than this per connection are not worth a second one. */
  private static final int MIN_PART_RECORDS = 50_000;

  private PartyDataLoader() {}

  public static PartyData load(Jdbi jdbi, Collection<FieldSource> fields) {
    return load(jdbi, fields, "hcp.party", null, 0);
  }

  /** As {@link #load(Jdbi, Collection)}, read in this many ranges at once (the same data). */
  static PartyData load(Jdbi jdbi, Collection<FieldSource> fields, int parts) {
    return load(jdbi, fields, "hcp.party", null, parts);
  }

  /**
   * Only some records of {@code hcp.party} (numbered as always; the others are absent): what
   * an incremental run's cluster step regroups.
   */
  public static PartyData load(Jdbi jdbi, Collection<FieldSource> fields, int[] partyIds) {
    return load(jdbi, fields, "hcp.party", partyIds, 1);
  }

  /**
   * The earlier versions of the records an incremental run changed or deleted
   * ({@code hcp.party_previous}), numbered as in {@code hcp.party}.
   */
  public static PartyData loadPrevious(Jdbi jdbi, Collection<FieldSource> fields) {
    return load(jdbi, fields, "hcp.party_previous", null, 0);
  }

  /**
   * What the fields are loaded from: the same for the same names, columns, extras and flags, in
   * any order (a rule set's fields come in another order in every process).
   */
  static String signature(Collection<FieldSource> fields) {
    StringBuilder signature = new StringBuilder();
    for (FieldSource field : fields.stream()
        .sorted(java.util.Comparator.comparing(FieldSource::name)).toList()) {
      signature.append(field.name()).append('=').append(expression(field)).append('\n');
    }
    return signature.toString();
  }

  /** @param parts how many ranges to read at once; 0 for as many as worth it */
  private static PartyData load(Jdbi jdbi, Collection<FieldSource> fields, String table,
      int[] only, int parts) {
    List<FieldSource> list = new ArrayList<>(fields);
    StringBuilder select = new StringBuilder("select party_id, system");
    for (FieldSource field : list) {
      select.append(", ").append(expression(field));
    }
    select.append(" from ").append(table)
        .append(only == null ? " where party_id between :from and :to"
            : " where party_id = any(:only)")
        .append(" order by party_id");
    int size = jdbi.withHandle(handle -> handle.createQuery(
        "select coalesce(max(party_id), 0) from " + table).mapTo(Integer.class).one());
    String[] systems = new String[size];
    int[][] codes = new int[list.size()][size];
    for (int[] column : codes) {
      java.util.Arrays.fill(column, FieldColumn.ABSENT);
    }
    // Ranges of party_ids read at once on their own connections; each numbers the values it
    // meets, and the ranges' dictionaries are then joined in range order, so that every value
    // gets the code one reader reading them all in party_id order gives it.
    int count = only != null ? 1 : Math.min(Math.max(1, size),
        parts > 0 ? parts : Math.max(1, Math.min(THREADS, size / MIN_PART_RECORDS)));
    List<Encoder[]> encoders = new ArrayList<>();
    List<int[]> ranges = new ArrayList<>();
    for (int part = 0; part < count; part++) {
      int from = (int) ((long) size * part / count) + 1;
      int to = (int) ((long) size * (part + 1) / count);
      ranges.add(new int[] {from, to});
      Encoder[] partEncoders = new Encoder[list.size()];
      for (int i = 0; i < partEncoders.length; i++) {
        partEncoders[i] = new Encoder(codes[i]);
      }
      encoders.add(partEncoders);
    }
    Map<String, String> systemNames = new java.util.concurrent.ConcurrentHashMap<>();
    java.util.stream.IntStream.range(0, count).parallel().forEach(part -> jdbi.useTransaction(
        handle -> {
          var query = handle.createQuery(select.toString()).setFetchSize(20_000);
          if (only != null) {
            query.bind("only", only);
          } else {
            query.bind("from", ranges.get(part)[0]).bind("to", ranges.get(part)[1]);
          }
          Encoder[] partEncoders = encoders.get(part);
          query.scanResultSet((supplier, ctx) -> {
            ResultSet rs = supplier.get();
            while (rs.next()) {
              int record = PartyData.record(rs.getInt(1));
              systems[record] = systemNames.computeIfAbsent(rs.getString(2), s -> s);
              for (int i = 0; i < partEncoders.length; i++) {
                partEncoders[i].add(record, trimmed(rs.getString(i + 3)));
              }
            }
            return null;
          });
        }));
    // Each column's dictionaries are joined on its own (the columns on all cores at once).
    FieldColumn[] joined = new FieldColumn[list.size()];
    java.util.stream.IntStream.range(0, list.size()).parallel().forEach(i -> {
      Encoder first = encoders.get(0)[i];
      for (int part = 1; part < count; part++) {
        int[] range = ranges.get(part);
        first.join(encoders.get(part)[i], PartyData.record(range[0]), PartyData.record(range[1]));
      }
      joined[i] = first.column(list.get(i).name());
    });
    Map<String, FieldColumn> columns = new LinkedHashMap<>();
    for (int i = 0; i < list.size(); i++) {
      columns.put(list.get(i).name(), joined[i]);
    }
    return new PartyData(size, systems, columns);
  }

  /** One record's fields, as the matcher sees them (null for absent), by rule-set field name. */
  public record FieldValues(String system, String sourceId, Map<String, String> values) {}

  /**
   * The fields of the records named by {@code systems[i], sourceIds[i]} that {@code hcp.party}
   * holds, read as {@link #load} reads them: what a steward's decision records
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
            values.put(list.get(i).name(), trimmed(rs.getString(i + 3)));
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
    return value;
  }

  /**
   * A value as the matcher sees it: without spaces around it, and absent when nothing is left
   * (what PostgreSQL's {@code nullif(btrim(value), '')} gives, done here: on the server it cost
   * as much as reading the rows).
   */
  static String trimmed(String value) {
    if (value == null) {
      return null;
    }
    int start = 0;
    int end = value.length();
    while (start < end && value.charAt(start) == ' ') {
      start++;
    }
    while (end > start && value.charAt(end - 1) == ' ') {
      end--;
    }
    return start == end ? null : start == 0 && end == value.length() ? value
        : value.substring(start, end);
  }

  /**
   * Builds one dictionary-encoded column, or the part of it one range of records fills: codes in
   * the order values are met, written into the column's codes array.
   */
  private static final class Encoder {
    private final int[] codes;
    private final ValueDictionary dictionary = new ValueDictionary();

    Encoder(int[] codes) {
      this.codes = codes;
    }

    void add(int record, String value) {
      if (value == null) {
        return;
      }
      codes[record] = dictionary.add(value, 1);
    }

    /**
     * Takes in the values another part met in records {@code first..last} (after this one's):
     * the values new to this one are numbered on in the order that part met them.
     */
    void join(Encoder part, int first, int last) {
      int[] recode = new int[part.dictionary.size()];
      for (int code = 0; code < recode.length; code++) {
        recode[code] = dictionary.add(part.dictionary.value(code), part.dictionary.count(code));
      }
      for (int record = first; record <= last; record++) {
        if (codes[record] != FieldColumn.ABSENT) {
          codes[record] = recode[codes[record]];
        }
      }
    }

    FieldColumn column(String name) {
      return new FieldColumn(name, codes, dictionary.values(), dictionary.counts());
    }
  }
}

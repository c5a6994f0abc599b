package io.hcp360.match.data;

import io.hcp360.match.rules.Comparison;
import io.hcp360.match.rules.Level;
import io.hcp360.match.rules.RuleSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.jdbi.v3.core.Handle;

/**
 * How many records held each value of the fields that term-frequency comparisons read, and how
 * many records there were: part of the model, like the trained parameters. Taken from the data
 * on a rule set's first run and kept in {@code hcp.term_frequency}, so that a pair's score does
 * not move when unrelated records come and go (and an incremental run scores as a full one).
 * A value the snapshot does not know counts as held by one record.
 */
public final class TermFrequencies {
  private final Map<String, Map<String, Integer>> counts;
  private final int records;

  private TermFrequencies(Map<String, Map<String, Integer>> counts, int records) {
    this.counts = counts;
    this.records = records;
  }

  /** The fields whose value frequencies the rule set's comparisons use. */
  public static TreeSet<String> fields(RuleSet rules) {
    TreeSet<String> fields = new TreeSet<>();
    for (Comparison comparison : rules.comparisons()) {
      if (!comparison.termFrequency()) {
        continue;
      }
      for (int l = 0; l < comparison.levels().size(); l++) {
        if (comparison.levels().get(l).level() instanceof Level.Exact) {
          fields.add(comparison.fieldOf(l));
        }
      }
    }
    return fields;
  }

  /** The frequencies in the data as loaded. */
  public static TermFrequencies of(PartyData data, RuleSet rules) {
    Map<String, Map<String, Integer>> counts = new LinkedHashMap<>();
    for (String field : fields(rules)) {
      FieldColumn column = data.column(field);
      Map<String, Integer> values = new HashMap<>();
      for (int code = 0; code < column.codes(); code++) {
        values.put(column.valueOf(code), column.frequency(code));
      }
      counts.put(field, values);
    }
    int records = 0;
    for (int r = 0; r < data.size(); r++) {
      records += data.present(r) ? 1 : 0;
    }
    return new TermFrequencies(counts, records);
  }

  public int records() {
    return records;
  }

  /** The data with these counts in place of its own. */
  public PartyData applyTo(PartyData data) {
    Map<String, int[]> frequencies = new LinkedHashMap<>();
    counts.forEach((field, values) -> {
      FieldColumn column = data.column(field);
      int[] frequency = new int[column.codes()];
      for (int code = 0; code < frequency.length; code++) {
        frequency[code] = Math.max(1, values.getOrDefault(column.valueOf(code), 1));
      }
      frequencies.put(field, frequency);
    });
    return data.withFrequencies(frequencies, Math.max(1, records));
  }

  /** The snapshot kept for a rule set, if one was taken. */
  public static Optional<TermFrequencies> load(Handle handle, String ruleSet) {
    Optional<Integer> records = handle.createQuery(
            "select records from hcp.term_frequency_total where rule_set = :ruleSet")
        .bind("ruleSet", ruleSet).mapTo(Integer.class).findOne();
    if (records.isEmpty()) {
      return Optional.empty();
    }
    Map<String, Map<String, Integer>> counts = new LinkedHashMap<>();
    handle.createQuery("select field, value, records from hcp.term_frequency"
            + " where rule_set = :ruleSet")
        .bind("ruleSet", ruleSet)
        .map((rs, ctx) -> counts.computeIfAbsent(rs.getString(1), f -> new HashMap<>())
            .put(rs.getString(2), rs.getInt(3)))
        .forEach(x -> { });
    return Optional.of(new TermFrequencies(counts, records.get()));
  }

  /**
   * Forgets the rule set's snapshot: the next run is full and takes one from its records
   * ({@code hcp360 train} does this, as it estimates the rest of the model anew).
   */
  public static void forget(Handle handle, String ruleSet) {
    handle.createUpdate("delete from hcp.term_frequency where rule_set = :ruleSet")
        .bind("ruleSet", ruleSet).execute();
    handle.createUpdate("delete from hcp.term_frequency_total where rule_set = :ruleSet")
        .bind("ruleSet", ruleSet).execute();
  }

  /** Keeps this snapshot for the rule set (replacing any). */
  public void save(Handle handle, String ruleSet, long runId) {
    forget(handle, ruleSet);
    var batch = handle.prepareBatch("insert into hcp.term_frequency (rule_set, field, value,"
        + " records) values (:ruleSet, :field, :value, :records)");
    counts.forEach((field, values) -> values.forEach((value, n) -> batch
        .bind("ruleSet", ruleSet).bind("field", field).bind("value", value).bind("records", n)
        .add()));
    if (batch.size() > 0) {
      batch.execute();
    }
    handle.createUpdate("insert into hcp.term_frequency_total (rule_set, records, taken_by)"
            + " values (:ruleSet, :records, :runId)")
        .bind("ruleSet", ruleSet).bind("records", records).bind("runId", runId).execute();
  }
}

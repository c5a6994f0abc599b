package io.hcp360.match.data;

import java.util.Map;
import java.util.NoSuchElementException;

/**
 * The fields a rule set reads, for every party record, in compact columns indexed by record
 * number (0-based: party_id - 1, as standardize numbers them densely).
 */
public final class PartyData {
  private final int size;
  private final String[] systems;
  private final Map<String, FieldColumn> columns;
  private final int frequencyBasis;
  private final boolean allPresent;

  PartyData(int size, String[] systems, Map<String, FieldColumn> columns) {
    this(size, systems, columns, size, false);
  }

  private PartyData(int size, String[] systems, Map<String, FieldColumn> columns,
      int frequencyBasis, boolean allPresent) {
    this.size = size;
    this.systems = systems;
    this.columns = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(columns));
    this.frequencyBasis = frequencyBasis;
    this.allPresent = allPresent;
  }

  /**
   * The number of records that term frequencies and the prior are taken over: the records
   * loaded, unless frozen counts were applied ({@link TermFrequencies}).
   */
  public int frequencyBasis() {
    return frequencyBasis;
  }

  /** The same records with other counts for some columns, taken over {@code basis} records. */
  PartyData withFrequencies(Map<String, int[]> frequencies, int basis) {
    Map<String, FieldColumn> replaced = new java.util.LinkedHashMap<>(columns);
    frequencies.forEach((field, counts) ->
        replaced.put(field, columns.get(field).withFrequencies(counts)));
    return new PartyData(size, systems, replaced, basis, allPresent);
  }

  /**
   * Whether the record is there: hcp.party holds it (the numbers of deleted records stay
   * unused). Party data made from plain values holds all its records.
   */
  public boolean present(int record) {
    return allPresent || systems[record] != null;
  }

  /**
   * Party data from plain values, for tools and tests: {@code values} maps each field to one
   * value per record (null for absent).
   */
  public static PartyData of(String[] systems, Map<String, String[]> values) {
    Map<String, FieldColumn> columns = new java.util.LinkedHashMap<>();
    values.forEach((field, column) -> {
      java.util.Map<String, Integer> codes = new java.util.HashMap<>();
      java.util.List<String> dictionary = new java.util.ArrayList<>();
      java.util.List<Integer> counts = new java.util.ArrayList<>();
      int[] encoded = new int[systems.length];
      for (int r = 0; r < systems.length; r++) {
        String v = column[r];
        if (v == null) {
          encoded[r] = FieldColumn.ABSENT;
          continue;
        }
        Integer code = codes.computeIfAbsent(v, k -> {
          dictionary.add(k);
          counts.add(0);
          return dictionary.size() - 1;
        });
        counts.set(code, counts.get(code) + 1);
        encoded[r] = code;
      }
      columns.put(field, new FieldColumn(field, encoded, dictionary.toArray(String[]::new),
          counts.stream().mapToInt(Integer::intValue).toArray()));
    });
    return new PartyData(systems.length, systems.clone(), columns, systems.length, true);
  }

  public int size() {
    return size;
  }

  public static int partyId(int record) {
    return record + 1;
  }

  public static int record(int partyId) {
    return partyId - 1;
  }

  /** The source system of a record. */
  public String system(int record) {
    return systems[record];
  }

  /** The fields loaded, in the order they were asked for. */
  java.util.Set<String> columnNames() {
    return columns.keySet();
  }

  public FieldColumn column(String field) {
    FieldColumn column = columns.get(field);
    if (column == null) {
      throw new NoSuchElementException("field " + field + " was not loaded");
    }
    return column;
  }
}

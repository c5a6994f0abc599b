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

  PartyData(int size, String[] systems, Map<String, FieldColumn> columns) {
    this.size = size;
    this.systems = systems;
    this.columns = Map.copyOf(columns);
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

  public FieldColumn column(String field) {
    FieldColumn column = columns.get(field);
    if (column == null) {
      throw new NoSuchElementException("field " + field + " was not loaded");
    }
    return column;
  }
}

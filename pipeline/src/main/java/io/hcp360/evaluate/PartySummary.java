package io.hcp360.evaluate;

/** What an example shows of a party record: its names, NPI and email (any may be null). */
public record PartySummary(String system, String sourceId, String firstName, String lastName,
    String npi, String email) {

  public RecordKey key() {
    return new RecordKey(system, sourceId);
  }
}

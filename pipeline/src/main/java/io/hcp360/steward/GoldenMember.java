package io.hcp360.steward;

import io.hcp360.evaluate.RecordKey;
import java.time.Instant;

/** A source record of a golden record, with what a steward needs to tell it apart. */
public record GoldenMember(RecordKey key, String name, String npi, String email, String phone,
    String city, String country, Instant lastModified) {}

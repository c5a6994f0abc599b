package io.hcp360.config;

import static io.hcp360.config.ValueType.INTEGER;
import static io.hcp360.config.ValueType.NAME;
import static io.hcp360.config.ValueType.TEXT;
import static io.hcp360.config.ValueType.TIMESTAMP;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a source row says: a party (a person), an activity (something that happened with a party)
 * or a consent fact. A row can carry several facets at once. Each facet has a fixed list of
 * canonical fields, stored in that order in its staging table.
 */
public enum Facet {
  PARTY(
      "party",
      "staged_party",
      List.of(
          required("source_id", TEXT),
          inputOnly("full_name", NAME),
          optional("title"),
          optional("first_name"),
          optional("middle_name"),
          optional("last_name"),
          optional("suffix"),
          optional("credential"),
          optional("specialty"),
          optional("npi"),
          optional("national_id"),
          optional("state_license"),
          optional("organisation"),
          optional("address_line1"),
          optional("address_line2"),
          optional("city"),
          optional("region"),
          optional("postal_code"),
          optional("country"),
          optional("phone"),
          optional("email"),
          optional("gender"),
          optional("status"),
          optional("last_modified", TIMESTAMP))),
  ACTIVITY(
      "activity",
      "staged_activity",
      List.of(
          required("party_source_id", TEXT),
          required(
              "activity_type",
              Set.of(
                  "call",
                  "email_send",
                  "email_open",
                  "email_click",
                  "event_registration",
                  "event_attendance",
                  "sample_request")),
          required("occurred_at", TIMESTAMP),
          optional("activity_id"),
          optional("channel"),
          optional("brand"),
          optional("product"),
          optional("quantity", INTEGER),
          optional("territory"),
          optional("logged_at", TIMESTAMP),
          optional("status"),
          optional("detail"),
          optional("country"))),
  CONSENT(
      "consent",
      "staged_consent",
      List.of(
          required("party_source_id", TEXT),
          required("channel", Set.of("email", "phone", "visit", "remote_meeting", "mail", "sms")),
          required("status", Set.of("opt_in", "opt_out")),
          new Spec("purpose", TEXT, false, true, Set.of("promotional", "medical", "events")),
          optional("stated_at", TIMESTAMP),
          optional("expires_at", TIMESTAMP),
          optional("brand"),
          optional("country")));

  private final String key;
  private final String table;
  private final List<FieldDef> fields;

  Facet(String key, String table, List<Spec> specs) {
    this.key = key;
    this.table = table;
    List<FieldDef> defs = new ArrayList<>();
    int column = 0;
    for (Spec spec : specs) {
      defs.add(
          new FieldDef(
              spec.name, spec.type, spec.required, spec.stored ? column++ : -1, spec.allowed));
    }
    this.fields = List.copyOf(defs);
  }

  /** The facet's key in a job file: {@code party}, {@code activity}, {@code consent}. */
  public String key() {
    return key;
  }

  /** Its staging table in the {@code hcp} schema. */
  public String table() {
    return table;
  }

  public List<FieldDef> fields() {
    return fields;
  }

  public List<FieldDef> storedFields() {
    return fields.stream().filter(FieldDef::stored).toList();
  }

  public Optional<FieldDef> field(String name) {
    return fields.stream().filter(f -> f.name().equals(name)).findFirst();
  }

  /** The field that names the party a row belongs to ({@code source_id} or party_source_id). */
  public FieldDef partyKey() {
    return fields.get(0);
  }

  public static Optional<Facet> byKey(String key) {
    for (Facet facet : values()) {
      if (facet.key.equals(key)) {
        return Optional.of(facet);
      }
    }
    return Optional.empty();
  }

  private record Spec(
      String name, ValueType type, boolean required, boolean stored, Set<String> allowed) {}

  private static Spec required(String name, ValueType type) {
    return new Spec(name, type, true, true, Set.of());
  }

  private static Spec required(String name, Set<String> allowed) {
    return new Spec(name, TEXT, true, true, allowed);
  }

  private static Spec optional(String name) {
    return optional(name, TEXT);
  }

  private static Spec optional(String name, ValueType type) {
    return new Spec(name, type, false, true, Set.of());
  }

  private static Spec inputOnly(String name, ValueType type) {
    return new Spec(name, type, false, false, Set.of());
  }
}

package io.hcp360.match.data;

import java.util.Set;

/** The columns of {@code hcp.party} that rule sets may read (text, or boolean for valid_if). */
public final class PartyColumns {
  /** Text-like columns (dates are read as ISO text). */
  public static final Set<String> VALUES = Set.of(
      "system", "source_id", "title", "first_name", "middle_name", "last_name", "suffix",
      "credential", "specialty", "npi", "national_id", "state_license", "organisation",
      "address_line1", "address_line2", "city", "region", "postal_code", "country", "phone",
      "email", "gender", "status", "first_name_key", "last_name_key",
      // written by the standardization pack
      "first_name_std", "first_initial", "middle_initial", "last_name_std",
      "first_name_phonetic", "last_name_phonetic", "national_id_type", "national_id_value",
      "phone_e164", "email_local", "email_domain", "address_std", "street_number", "postal_code_std",
      "city_std", "specialty_code", "birth_date");

  /** Boolean columns, for {@code valid_if}. */
  public static final Set<String> FLAGS = Set.of("npi_valid", "national_id_valid");

  private PartyColumns() {}
}

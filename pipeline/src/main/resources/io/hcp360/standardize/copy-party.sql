COPY hcp.party (party_id, run_id, system, source_id, title, first_name, middle_name, last_name,
  suffix, credential, specialty, npi, npi_valid, national_id, state_license, organisation,
  address_line1, address_line2, city, region, postal_code, country, phone, email, gender, status,
  last_modified, extras, first_name_key, last_name_key,
  first_name_std, first_initial, middle_initial, last_name_std, first_name_phonetic,
  last_name_phonetic, national_id_type, national_id_value, national_id_valid, phone_e164,
  email_local, email_domain, address_std, street_number, postal_code_std, city_std, specialty_code,
  birth_date, row_hash) FROM STDIN

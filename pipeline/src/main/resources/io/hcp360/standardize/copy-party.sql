COPY hcp.party (party_id, run_id, system, source_id, title, first_name, middle_name, last_name,
  suffix, credential, specialty, npi, npi_valid, national_id, state_license, organisation,
  address_line1, address_line2, city, region, postal_code, country, phone, email, gender, status,
  last_modified, extras, first_name_key, last_name_key) FROM STDIN

COPY hcp.staged_party (run_id, system, file_name, path, line, source_id, title, first_name,
  middle_name, last_name, suffix, credential, specialty, npi, national_id, state_license,
  organisation, address_line1, address_line2, city, region, postal_code, country, phone, email,
  gender, status, last_modified, extras, row_hash, line_hash) FROM STDIN

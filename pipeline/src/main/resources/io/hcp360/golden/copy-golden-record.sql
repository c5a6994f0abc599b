COPY hcp.golden_record (golden_id, run_id, member_count, first_name, middle_name, last_name,
  credential, specialty, npi, email, phone, city, postal_code, country, sources) FROM STDIN

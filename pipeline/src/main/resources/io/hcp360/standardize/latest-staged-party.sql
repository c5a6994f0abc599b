-- The latest staged version of each source record of a run: the most recently modified, then
-- the one read last.
select distinct on (system, source_id)
  system, source_id, title, first_name, middle_name, last_name, suffix, credential, specialty,
  npi, national_id, state_license, organisation, address_line1, address_line2, city, region,
  postal_code, country, phone, email, gender, status, last_modified::text as last_modified,
  extras::text as extras, extras->>'date_of_birth' as date_of_birth
from hcp.staged_party
where run_id = :runId
order by system, source_id, last_modified desc nulls last, path desc, line desc

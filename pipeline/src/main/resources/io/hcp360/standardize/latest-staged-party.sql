-- The latest staged version of each source record the extracts hold (the most recently
-- modified, then the one read last), with the md5 of its values (taken when it was staged), its
-- party_id (null for a record never seen) and the md5 it was standardized from last (null when
-- hcp.party does not hold it). With :changedOnly (an incremental run), only the records that
-- are new or whose values changed; <changedRecords> can limit the records looked at to those whose
-- staged rows ingest changed.
with latest as (
  select distinct on (system, source_id)
    system, source_id, title, first_name, middle_name, last_name, suffix, credential, specialty,
    npi, national_id, state_license, organisation, address_line1, address_line2, city, region,
    postal_code, country, phone, email, gender, status, last_modified::text as last_modified,
    extras::text as extras, extras->>'date_of_birth' as date_of_birth, row_hash
  from hcp.staged_party
  <changedRecords>
  order by system, source_id, last_modified desc nulls last, path desc, line desc)
select l.*, k.party_id, p.row_hash as previous_hash
from latest l
left join hcp.party_key k on k.system = l.system and k.source_id = l.source_id
left join hcp.party p on p.system = l.system and p.source_id = l.source_id
where not :changedOnly or p.row_hash is distinct from l.row_hash
order by l.system, l.source_id

-- The latest staged version of each source record the extracts hold (the most recently
-- modified, then the one read last), with the md5 of its values (taken when it was staged), its
-- party_id (null for a record never seen) and the md5 it was standardized from last (null when
-- hcp.party does not hold it). With :changedOnly (an incremental run), only the records that
-- are new or whose values changed. The latest version is picked by sorting the rows' keys only;
-- the values are read for the rows picked.
with latest as (
  select distinct on (system, source_id) system, source_id, file_name, path, line, row_hash
  from hcp.staged_party
  order by system, source_id, last_modified desc nulls last, path desc, line desc
), picked as materialized (
  select l.*, k.party_id, p.row_hash as previous_hash
  from latest l
  left join hcp.party_key k on k.system = l.system and k.source_id = l.source_id
  left join hcp.party p on p.system = l.system and p.source_id = l.source_id
  where not :changedOnly or p.row_hash is distinct from l.row_hash
)
select s.system, s.source_id, s.title, s.first_name, s.middle_name, s.last_name, s.suffix,
  s.credential, s.specialty, s.npi, s.national_id, s.state_license, s.organisation,
  s.address_line1, s.address_line2, s.city, s.region, s.postal_code, s.country, s.phone, s.email,
  s.gender, s.status, s.last_modified::text as last_modified, s.extras::text as extras,
  s.extras->>'date_of_birth' as date_of_birth, c.row_hash, c.party_id, c.previous_hash
from picked c
join hcp.staged_party s on s.system = c.system and s.file_name = c.file_name
  and s.path = c.path and s.line = c.line
order by c.system, c.source_id

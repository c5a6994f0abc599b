-- Closes the current rows of the lists in list_spec whose member is in list_scope (its row was
-- computed again) and that the new version does not hold as they are: the member left the list
-- or its row changed. Its new version is the first without the row. The other current rows
-- stay open: the new version holds them too. The rows are found from list_scope's golden IDs
-- (a few rows each; golden_id <inScope>, see ListScope), not from every list's current rows.
-- list_member holds at most one row per version and golden ID, so a left join (hashed, whatever
-- the sizes; a not-exists was sometimes planned as a loop over list_member per row: 7 s) tells
-- the rows it does not hold as they are. The rows are updated by ctid, as found (looked up by
-- brand, market and golden ID again: 0.63 s against 0.54-0.56 s for 8,863 rows closed on the
-- benchmark's night at 1,000,000 records).
with stale as (
  select r.ctid as row_ctid, s.version_id
  from publish.hcp360_list_row r
  join list_spec s on s.brand = r.brand and s.market = r.market
  left join list_member m on m.version_id = s.version_id and m.golden_id = r.golden_id
  where r.until_version is null and r.golden_id <inScope>
    and (m.golden_id is null
     or (m.first_name, m.middle_name, m.last_name, m.credential, m.specialty, m.npi, m.email,
         m.phone, m.city, m.postal_code, m.last_contact, m.last_contact_at, m.activities_90d,
         m.channels_engaged, m.eligibility)
        is distinct from
        (r.first_name, r.middle_name, r.last_name, r.credential, r.specialty, r.npi, r.email,
         r.phone, r.city, r.postal_code, r.last_contact, r.last_contact_at, r.activities_90d,
         r.channels_engaged, r.eligibility))
)
update publish.hcp360_list_row r set until_version = stale.version_id
from stale
where r.ctid = stale.row_ctid

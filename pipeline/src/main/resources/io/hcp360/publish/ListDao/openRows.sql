-- Opens a row for each computed member that its list has no current row for (after
-- closeRows.sql: a member that joined the list or whose row changed), from the new version on.
-- <currentInScope> narrows the current rows to list_scope's where list_member holds a few
-- (ListScope): they are looked up by index instead of hashing every current row.
insert into publish.hcp360_list_row (brand, market, golden_id, first_name, middle_name,
  last_name, credential, specialty, npi, email, phone, city, postal_code, last_contact,
  last_contact_at, activities_90d, channels_engaged, eligibility, from_version)
select m.brand, m.market, m.golden_id, m.first_name, m.middle_name, m.last_name, m.credential,
  m.specialty, m.npi, m.email, m.phone, m.city, m.postal_code, m.last_contact,
  m.last_contact_at, m.activities_90d, m.channels_engaged, m.eligibility, m.version_id
from list_member m
where not exists (
  select 1 from publish.hcp360_list_row r
  where r.until_version is null and r.brand = m.brand and r.market = m.market
    and r.golden_id = m.golden_id <currentInScope>)

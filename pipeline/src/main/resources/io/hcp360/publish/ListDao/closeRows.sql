-- Closes the current rows of the lists in list_spec whose member is in list_scope (its row was
-- computed again) and that the new version does not hold as they are: the member left the list
-- or its row changed. Its new version is the first without the row. The other current rows
-- stay open: the new version holds them too.
update publish.hcp360_list_row r set until_version = s.version_id
from list_spec s, list_scope l
where r.until_version is null and r.brand = s.brand and r.market = s.market
  and r.golden_id = l.golden_id
  and not exists (
    select 1 from list_member m
    where m.version_id = s.version_id and m.golden_id = r.golden_id
      and (m.first_name, m.middle_name, m.last_name, m.credential, m.specialty, m.npi, m.email,
           m.phone, m.city, m.postal_code, m.last_contact, m.last_contact_at, m.activities_90d,
           m.channels_engaged, m.eligibility)
        is not distinct from
          (r.first_name, r.middle_name, r.last_name, r.credential, r.specialty, r.npi, r.email,
           r.phone, r.city, r.postal_code, r.last_contact, r.last_contact_at, r.activities_90d,
           r.channels_engaged, r.eligibility))

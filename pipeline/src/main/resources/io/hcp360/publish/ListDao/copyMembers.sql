-- The members of the current version of each list in list_spec that list_scope does not hold,
-- copied into the new version as they are: nothing they are made of changed.
insert into publish.hcp360_list_member (version_id, brand, market, golden_id, first_name,
  middle_name, last_name, credential, specialty, npi, email, phone, city, postal_code,
  last_contact, last_contact_at, activities_90d, channels_engaged, eligibility)
select s.version_id, m.brand, m.market, m.golden_id, m.first_name, m.middle_name, m.last_name,
  m.credential, m.specialty, m.npi, m.email, m.phone, m.city, m.postal_code, m.last_contact,
  m.last_contact_at, m.activities_90d, m.channels_engaged, m.eligibility
from list_spec s
join publish.hcp360_current c on c.brand = s.brand and c.market = s.market
join publish.hcp360_list_member m on m.version_id = c.version_id
where not exists (select 1 from list_scope l where l.golden_id = m.golden_id)

-- The members of every list version in list_spec among the golden HCPs of list_scope (the
-- temporary tables of prepareLists.sql hold those only), into list_member: golden HCPs of the
-- list's market that a brand team targets (an extra attribute of one of their records equals
-- the brand) or that have an activity of the brand (its brand or product starts with one of the
-- list's prefixes), with their golden attributes, engagement summary and channel eligibility.
insert into list_member (version_id, brand, market, golden_id, first_name,
  middle_name, last_name, credential, specialty, npi, email, phone, city, postal_code,
  last_contact, last_contact_at, activities_90d, channels_engaged, eligibility)
with touched as (
  -- the few distinct names matched against the lists' prefixes once, not per activity
  select distinct s.version_id, s.market, n.name
  from (select distinct name from list_touch) n
  join list_spec s on n.name like any(s.prefixes)
),
members as (
  select k.version_id, t.golden_id
  from touched k join list_touch t on t.name = k.name and t.country = k.market
  union
  select s.version_id, g.golden_id
  from list_spec s
  join list_target g on g.key = s.targeting and g.value = s.brand and g.country = s.market
)
select s.version_id, s.brand, s.market, h.golden_id, h.first_name, h.middle_name, h.last_name,
  h.credential, h.specialty, h.npi, h.email, h.phone, h.city, h.postal_code,
  e.last_contact, e.last_contact_at, coalesce(e.activities_90d, 0), coalesce(e.channels, 0),
  q.eligibility
from members m
join list_spec s using (version_id)
join publish.hcp h on h.golden_id = m.golden_id and h.country = s.market
left join list_engagement e on e.golden_id = h.golden_id
left join list_eligibility q on q.golden_id = h.golden_id

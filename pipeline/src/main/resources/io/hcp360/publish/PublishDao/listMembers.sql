-- The members of one brand's list in one market: golden HCPs of that market that a brand team
-- targets (an extra attribute of one of their records equals the brand) or that have an
-- activity of the brand (its brand or product starts with the brand's name), with their golden
-- attributes and engagement summary (from the tables prepareLists.sql made).
insert into publish.hcp360_list_member (version_id, brand, market, golden_id, first_name,
  middle_name, last_name, credential, specialty, npi, email, phone, city, postal_code,
  last_contact, last_contact_at, activities_90d, channels_engaged)
select :versionId, :brand, :market, h.golden_id, h.first_name, h.middle_name, h.last_name,
  h.credential, h.specialty, h.npi, h.email, h.phone, h.city, h.postal_code,
  e.last_contact, e.last_contact_at, coalesce(e.activities_90d, 0), coalesce(e.channels, 0)
from publish.hcp h
left join list_engagement e using (golden_id)
where h.country = :market
  and (h.golden_id in (select golden_id from list_touch where name like any(:prefixes))
       or h.golden_id in (select golden_id from list_target
                          where key = :targeting and value = :brand))

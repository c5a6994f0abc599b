-- The members of one brand's list in one market: golden HCPs of that market that a brand team
-- targets (an extra attribute of one of their records equals the brand) or that have an
-- activity of the brand (its brand or product starts with the brand's name), with their golden
-- attributes and engagement summary.
insert into publish.hcp360_list_member (version_id, brand, market, golden_id, first_name,
  middle_name, last_name, credential, specialty, npi, email, phone, city, postal_code,
  last_contact, last_contact_at, activities_90d, channels_engaged)
select :versionId, :brand, :market, h.golden_id, h.first_name, h.middle_name, h.last_name,
  h.credential, h.specialty, h.npi, h.email, h.phone, h.city, h.postal_code,
  e.last_contact, e.last_contact_at, coalesce(e.activities_90d, 0), coalesce(e.channels, 0)
from publish.hcp h
left join lateral (
  select jsonb_object_agg(c.channel, c.last_at) as last_contact, max(c.last_at) as last_contact_at,
         sum(c.recent)::integer as activities_90d, count(*)::integer as channels
  from (select a.channel, max(a.occurred_at) as last_at,
               count(*) filter (where a.occurred_at > cast(:asOf as timestamptz) - interval '90 days')
                 as recent
        from publish.activity_log a where a.golden_id = h.golden_id group by a.channel) c
) e on true
where h.country = :market
  and (exists (select 1 from publish.activity_log a
               where a.golden_id = h.golden_id
                 and (lower(a.brand) like any(:prefixes) or lower(a.product) like any(:prefixes)))
       or exists (select 1 from hcp.golden_member m join hcp.party p using (party_id)
                  where m.golden_id = h.golden_id and p.extras ->> :targeting = :brand))

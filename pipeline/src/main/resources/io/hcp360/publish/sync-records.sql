-- For one source system: each of its records, its golden HCP, the record that survived for that
-- HCP (the one most golden values came from; ties: the most recently modified), the golden
-- values, and the record's own values to compare.
with contributions as (
  select golden_id, source, source_id, count(*) as golden_values, max(source_updated) as updated
  from publish.hcp_lineage group by golden_id, source, source_id
), survivors as (
  select distinct on (golden_id) golden_id, source as survivor_source,
    source_id as survivor_source_id
  from contributions
  order by golden_id, golden_values desc, updated desc nulls last, source, source_id
)
select p.source_id, x.golden_id, s.survivor_source, s.survivor_source_id,
  h.first_name as golden_first_name, h.middle_name as golden_middle_name,
  h.last_name as golden_last_name, h.credential as golden_credential,
  h.specialty as golden_specialty, h.npi as golden_npi, h.email as golden_email,
  h.phone as golden_phone, h.city as golden_city, h.postal_code as golden_postal_code,
  h.country as golden_country,
  p.first_name, p.middle_name, p.last_name, p.credential, p.specialty, p.npi, p.email, p.phone_e164 as phone,
  p.city, p.postal_code, p.country
from publish.hcp_xref x
join hcp.party p on p.system = x.source and p.source_id = x.source_id
join publish.hcp h on h.golden_id = x.golden_id
left join survivors s on s.golden_id = x.golden_id
where x.source = :system
order by p.source_id

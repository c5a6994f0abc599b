-- Golden records: one row per golden ID, its attributes pivoted from this run's golden values.
insert into hcp.golden_record (golden_id, run_id, member_count, first_name, middle_name,
  last_name, credential, specialty, npi, email, phone, city, postal_code, country)
select c.golden_id, :runId, c.members,
  max(v.value) filter (where v.attribute = 'first_name'),
  max(v.value) filter (where v.attribute = 'middle_name'),
  max(v.value) filter (where v.attribute = 'last_name'),
  max(v.value) filter (where v.attribute = 'credential'),
  max(v.value) filter (where v.attribute = 'specialty'),
  max(v.value) filter (where v.attribute = 'npi'),
  max(v.value) filter (where v.attribute = 'email'),
  max(v.value) filter (where v.attribute = 'phone'),
  max(v.value) filter (where v.attribute = 'city'),
  max(v.value) filter (where v.attribute = 'postal_code'),
  max(v.value) filter (where v.attribute = 'country')
from (select golden_id, count(*) as members from hcp.golden_member group by golden_id) c
left join hcp.golden_value v on v.golden_id = c.golden_id and v.run_id = :runId
group by c.golden_id, c.members

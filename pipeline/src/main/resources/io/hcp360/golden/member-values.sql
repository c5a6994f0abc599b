-- Every golden HCP's member records with the values survivorship chooses from, grouped by
-- golden ID. The value columns are in the order of Survivorship.COLUMNS.
select m.golden_id, p.party_id, p.system, p.source_id, p.last_modified, p.npi_valid,
  p.national_id_valid,
  p.title, p.first_name, p.middle_name, p.last_name, p.suffix, p.credential, p.specialty,
  p.npi, p.state_license, p.organisation, p.address_line1, p.address_line2, p.city, p.region,
  p.postal_code, p.country, p.phone_e164, p.email, p.gender, p.status, p.national_id_value,
  p.specialty_code
from hcp.golden_member m
join hcp.party p using (party_id)
order by m.golden_id

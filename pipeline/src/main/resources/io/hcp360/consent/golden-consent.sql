-- Every golden HCP of the markets with consent rules (:markets) with its market (country) and
-- the consent facts of its records, one row per fact (one row with null fact columns for an HCP
-- without any), by golden ID.
select g.golden_id, g.country, f.channel, f.purpose, f.status, f.stated_at, f.expires_at,
  f.source, f.source_id, f.file, f.line
from hcp.golden_record g
left join (
  select m.golden_id, c.channel, c.purpose, c.status, c.stated_at, c.expires_at,
    c.system as source, c.party_source_id as source_id, c.path as file, c.line
  from hcp.staged_consent c
  join hcp.party p on p.system = c.system and p.source_id = c.party_source_id
  join hcp.golden_member m on m.party_id = p.party_id
) f on f.golden_id = g.golden_id
where g.country = any(:markets)
order by g.golden_id

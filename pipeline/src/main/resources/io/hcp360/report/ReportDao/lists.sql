-- The HCP 360 lists a run published, each with the members of the version before it (the
-- latest of an earlier run), or null for a list published for the first time.
select v.brand, v.market,
  (select p.members from publish.hcp360_list_version p
   where p.brand = v.brand and p.market = v.market and p.run_id < v.run_id
   order by p.version_id desc limit 1) as previous,
  v.members as current
from publish.hcp360_list_version v
where v.run_id = :runId
order by v.brand, v.market

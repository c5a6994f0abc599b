-- One source system's party records through the steps of a run (golden HCPs apart: see
-- goldenPerSystem, asked only once the run's golden step is done).
with staged as (
  select system, count(*) as n from hcp.staged_party group by system
), party as (
  select system, count(*) as n from hcp.party group by system  -- the latest run's records
), published as (
  -- every cross-reference when this run is the published one (an incremental publish keeps
  -- the rows it did not replace, with the run id that wrote them), none when it did not publish
  select source as system, count(*) as n from publish.hcp_xref
  where exists (select 1 from publish.published_run where run_id = :runId)
  group by source
)
select system, coalesce(s.n, 0) as staged, coalesce(p.n, 0) as party_records,
  0 as golden_hcps, coalesce(x.n, 0) as published
from staged s
full join party p using (system)
full join published x using (system)
order by system

-- One source system's party records through the steps of a run before publish (golden HCPs
-- apart: see goldenPerSystem, asked only once the run's golden step is done; published ones
-- apart: ReportGatherer takes them from the party records when the run's publish is current).
with staged as (
  select system, count(*) as n from hcp.staged_party group by system
), party as (
  -- the latest run's records, as the triggers of hcp.party count them (V42)
  select system, sum(records) as n from hcp.party_tally group by system
)
select system, coalesce(s.n, 0) as staged, coalesce(p.n, 0) as party_records,
  0 as golden_hcps, 0 as published
from staged s
full join party p using (system)
order by system

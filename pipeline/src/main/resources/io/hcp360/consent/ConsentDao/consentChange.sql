-- Channel eligibility of this run (hcp.channel_eligibility) against the current publish
-- (publish.channel_eligibility), per channel and purpose.
insert into hcp.consent_change (run_id, channel, purpose, became_eligible, became_ineligible,
  added, removed)
select :runId, channel, purpose,
  count(*) filter (where n.eligible and not o.eligible),
  count(*) filter (where o.eligible and not n.eligible),
  count(*) filter (where o.golden_id is null),
  count(*) filter (where n.golden_id is null)
from hcp.channel_eligibility n
full join publish.channel_eligibility o using (golden_id, channel, purpose)
group by channel, purpose

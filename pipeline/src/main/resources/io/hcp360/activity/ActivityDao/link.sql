-- The activities of activity_diff to link (all of the run's in a full run), linked to golden HCPs
-- through their source record: (system, party_source_id) -> hcp.party (system, source_id) ->
-- hcp.golden_member. A missing channel is derived from the activity type. Keys are numbered
-- from :firstKey in file order, so they are the same whenever the run's data and the table
-- before the step are (a step run again after a crash gives the same keys). <staged> is
-- hcp.staged_activity, or the rows of it that activity_diff names.
insert into hcp.activity (activity_key, run_id, golden_id, system, party_source_id,
  activity_type, occurred_at, activity_id, channel, brand, product, quantity, territory,
  logged_at, status, detail, country, file_name, path, line, link_status, reason, row_hash)
overriding system value
select :firstKey - 1 + row_number() over (order by s.system, s.path, s.line, s.activity_type),
  :runId, m.golden_id, s.system, s.party_source_id, s.activity_type, s.occurred_at,
  s.activity_id,
  coalesce(s.channel, case
    when s.activity_type = 'call' then 'visit'
    when s.activity_type like 'email\_%' then 'email'
    when s.activity_type like 'event\_%' then 'events'
    when s.activity_type = 'sample_request' then 'samples'
    else 'other' end),
  s.brand, s.product, s.quantity, s.territory, s.logged_at, s.status, s.detail, s.country,
  s.file_name, s.path, s.line,
  <linkColumns>,
  d.row_hash
from activity_diff d
join <staged> s on s.path = d.path and s.line = d.line
left join hcp.party p on p.system = s.system and p.source_id = s.party_source_id
left join hcp.golden_member m on m.party_id = p.party_id

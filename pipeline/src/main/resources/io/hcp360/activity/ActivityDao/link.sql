-- The run's staged activities, one per activity, linked to golden HCPs through their source
-- record: (system, party_source_id) -> hcp.party (system, source_id) -> hcp.golden_member.
-- Duplicates (same system, activity_type and activity_id) keep the most recently logged, then
-- the one read last; an activity without an activity_id is never a duplicate (its file and line
-- tell it apart). A missing channel is derived from the activity type. Rows are inserted in
-- file order, so activity keys are the same whenever the run's data is.
insert into hcp.activity (run_id, golden_id, system, party_source_id, activity_type,
  occurred_at, activity_id, channel, brand, product, quantity, territory, logged_at, status,
  detail, country, file_name, path, line, link_status, reason)
select :runId, m.golden_id, s.system, s.party_source_id, s.activity_type, s.occurred_at,
  s.activity_id,
  coalesce(s.channel, case
    when s.activity_type = 'call' then 'visit'
    when s.activity_type like 'email\_%' then 'email'
    when s.activity_type like 'event\_%' then 'events'
    when s.activity_type = 'sample_request' then 'samples'
    else 'other' end),
  s.brand, s.product, s.quantity, s.territory, s.logged_at, s.status, s.detail, s.country,
  s.file_name, s.path, s.line,
  case when m.golden_id is null then 'unknown_source_record' else 'linked' end,
  case
    when p.party_id is null then 'no party record ' || s.system || '/' || s.party_source_id
      || ' in this run'
    when m.golden_id is null then 'party record ' || s.system || '/' || s.party_source_id
      || ' has no golden HCP'
  end
from (
  select distinct on (system, activity_type, activity_id,
      case when activity_id is null then path end, case when activity_id is null then line end)
    *
  from hcp.staged_activity
  where run_id = :runId
  order by system, activity_type, activity_id,
    case when activity_id is null then path end, case when activity_id is null then line end,
    logged_at desc nulls last, path desc, line desc
) s
left join hcp.party p on p.system = s.system and p.source_id = s.party_source_id
left join hcp.golden_member m on m.party_id = p.party_id
order by s.system, s.path, s.line, s.activity_type

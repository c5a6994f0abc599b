-- Links again, in place, the activities hcp.activity keeps (not in activity_diff: their staged
-- row is the same) of the source records whose golden ID the golden steps of the runs after
-- :since changed (hcp.golden_member_change: regrouped into another golden HCP, added, deleted):
-- an activity's link (its golden HCP, or why it has none) depends on its record's golden ID
-- alone, every record being a golden member. Only the rows whose link did change are updated;
-- they keep their key, take this run's id and are listed in hcp.activity_change. The link is
-- computed as link.sql computes it (<linkColumns>, over the activity s, its party record p and
-- golden member m).
with relinked as (
  select s.activity_key, m.golden_id, <linkColumns>
  from (select k.system, k.source_id from hcp.party_key k
        where k.party_id in (select party_id from hcp.golden_member_change
                             where run_id > :since)) r
  join hcp.activity s on s.system = r.system and s.party_source_id = r.source_id
  left join hcp.party p on p.system = s.system and p.source_id = s.party_source_id
  left join hcp.golden_member m on m.party_id = p.party_id
  where not exists (select 1 from activity_diff d where d.activity_key = s.activity_key)
),
updated as (
  update hcp.activity a
  set golden_id = r.golden_id, link_status = r.link_status, reason = r.reason, run_id = :runId
  from relinked r
  where a.activity_key = r.activity_key
    and (a.golden_id, a.link_status, a.reason) is distinct from
        (r.golden_id, r.link_status, r.reason)
  returning a.activity_key
)
insert into hcp.activity_change (run_id, activity_key)
select :runId, activity_key from updated

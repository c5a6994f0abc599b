-- Once per publish, what every list needs per golden HCP of list_scope (every published golden
-- HCP, or those whose list rows may have changed): its engagement summary (90 days up to the
-- latest activity of all), the brands and products of its activities, and its records' extra
-- attributes (for brand targeting); and list_member, the rows listMembers.sql computes, to be
-- compared with the current rows. The rows of list_scope's golden HCPs are read where
-- golden_id <inScope> (ListScope: looked up by index when they are a few, joined when all).
create temporary table list_member (
  version_id       bigint not null,
  brand            text not null,
  market           text not null,
  golden_id        text not null,
  first_name       text,
  middle_name      text,
  last_name        text,
  credential       text,
  specialty        text,
  npi              text,
  email            text,
  phone            text,
  city             text,
  postal_code      text,
  last_contact     jsonb,
  last_contact_at  timestamptz,
  activities_90d   integer not null,
  channels_engaged integer not null,
  eligibility      jsonb
) on commit drop;

create temporary table list_engagement on commit drop as
select golden_id, jsonb_object_agg(channel, last_at) as last_contact,
       max(last_at) as last_contact_at, sum(recent)::integer as activities_90d,
       count(*)::integer as channels
from (select golden_id, channel, max(occurred_at) as last_at,
             count(*) filter (where occurred_at > (select max(occurred_at) from publish.activity_log)
                                    - interval '90 days')
               as recent
      from publish.activity_log where golden_id <inScope>
      group by golden_id, channel) c
group by golden_id;

create temporary table list_eligibility on commit drop as
select golden_id, jsonb_object_agg(channel || '/' || purpose, eligible) as eligibility
from publish.channel_eligibility where golden_id <inScope> group by golden_id;

-- Brand and product names each golden HCP's activities touched, with the HCP's market (both
-- names taken in one scan of the activity log).
create temporary table list_touch on commit drop as
select distinct a.golden_id, h.country, t.name
from publish.activity_log a
cross join lateral (values (lower(a.brand)), (lower(a.product))) as t (name)
join publish.hcp h using (golden_id)
where t.name is not null and a.golden_id <inScope>;

-- Extra attributes of each golden HCP's records (brand-team targeting), with the HCP's market.
create temporary table list_target on commit drop as
select distinct m.golden_id, h.country, e.key, e.value
from hcp.golden_member m
join hcp.party p using (party_id)
join publish.hcp h on h.golden_id = m.golden_id
cross join lateral jsonb_each_text(p.extras) e
where m.golden_id <inScope> and h.golden_id <inScope>;

analyze list_engagement;
analyze list_eligibility;
analyze list_touch;
analyze list_target;

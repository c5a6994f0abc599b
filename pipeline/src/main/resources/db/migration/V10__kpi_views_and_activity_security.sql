-- KPI views for the questions the business asks, and market security on the activity log.
-- The views run with the reader's rights (security_invoker), so row-level security applies.

alter table publish.activity_log enable row level security;
create policy activity_log_by_market on publish.activity_log for select
  using (publish.golden_visible(golden_id));
alter table publish.unlinked_activity enable row level security;
create policy unlinked_activity_by_market on publish.unlinked_activity for select
  using (publish.market_visible(country));

-- Calls logged in the CRM within 48 hours of the call, by brand, market and territory.
-- Brand: the activity's brand, else its product. Market: the golden HCP's country.
create view publish.kpi_call_logging with (security_invoker = true) as
select coalesce(a.brand, a.product, '(none)') as brand,
       coalesce(h.country, '(unknown)') as market,
       coalesce(a.territory, '(none)') as territory,
       count(*) as calls,
       count(*) filter (where a.logged_at <= a.occurred_at + interval '48 hours')
         as logged_within_48h,
       count(*) filter (where a.logged_at > a.occurred_at + interval '48 hours')
         as logged_later,
       count(*) filter (where a.logged_at is null) as logging_time_unknown,
       round(100.0 * count(*) filter (where a.logged_at <= a.occurred_at + interval '48 hours')
         / count(*), 1) as pct_within_48h
from publish.activity_log a
join publish.hcp h using (golden_id)
where a.activity_type = 'call'
group by 1, 2, 3;

-- HCPs with true 360 engagement: per golden HCP, the distinct channels engaged and the last
-- contact, ranked within its specialty and market (more channels first, then the most recent).
-- The top N of a specialty per market: where specialty = ... and market = ... and rank <= N.
create view publish.kpi_engaged_hcps with (security_invoker = true) as
select h.golden_id, h.first_name, h.last_name, h.specialty, h.country as market,
       count(distinct a.channel) as channels,
       count(*) as activities,
       max(a.occurred_at) as last_contact,
       rank() over (partition by h.specialty, h.country
                    order by count(distinct a.channel) desc, max(a.occurred_at) desc) as rank
from publish.hcp h
join publish.activity_log a using (golden_id)
group by h.golden_id, h.first_name, h.last_name, h.specialty, h.country;

-- Consent violations: emails sent when the HCP was not eligible. The market regimes the consent
-- step used are published beside the eligibility, and eligibility follows the market security.

create table publish.market_regime (
  market text primary key,
  regime text not null check (regime in ('opt_in', 'opt_out'))
);

alter table publish.channel_eligibility enable row level security;
create policy channel_eligibility_by_market on publish.channel_eligibility for select
  using (publish.market_visible(market));

-- Every promotional email sent to a golden HCP at a time it was not eligible: after its latest
-- statement before the send was an opt-out, or with no statement before the send in an opt-in
-- market. Statements are the evidence of publish.channel_eligibility (email, promotional);
-- undated statements and expiry are not judged at send time.
create view publish.kpi_consent_violations with (security_invoker = true) as
select a.golden_id, e.market, a.occurred_at as sent_at, a.brand, a.activity_id,
       a.source, a.source_id,
       case when last.status = 'opt_out'
            then 'sent after an opt-out by ' || last.source || '/' || last.source_id || ' on '
                 || to_char(last.stated_at at time zone 'UTC', 'YYYY-MM-DD HH24:MI')
            else 'sent with no opt-in on record in an opt-in market' end as reason
from publish.activity_log a
join publish.channel_eligibility e
  on e.golden_id = a.golden_id and e.channel = 'email' and e.purpose = 'promotional'
join publish.market_regime r on r.market = e.market
left join lateral (
  select s ->> 'status' as status, s ->> 'source' as source, s ->> 'source_id' as source_id,
         (s ->> 'stated_at')::timestamptz as stated_at
  from jsonb_array_elements(e.evidence) s
  where s ->> 'stated_at' is not null and (s ->> 'stated_at')::timestamptz <= a.occurred_at
  order by (s ->> 'stated_at')::timestamptz desc, (s ->> 'status' = 'opt_out') desc
  limit 1) last on true
where a.activity_type = 'email_send'
  and (last.status = 'opt_out' or (last.status is null and r.regime = 'opt_in'));

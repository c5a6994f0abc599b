-- The audit trail: every steward action and every run, append-only. UPDATE, DELETE and TRUNCATE
-- are refused by triggers, so a row once written stays as written. Analysts read it through
-- publish.audit_trail; a market-restricted analyst sees the entries of its markets and those
-- with no market (runs).
create table hcp.audit_log (
  audit_id bigserial primary key,
  at       timestamptz not null default clock_timestamp(),
  actor    text not null,             -- the steward, or the user that ran the job
  action   text not null,             -- approve, reject, skip, link, split, unmerge, flag,
                                      -- run_started, run_finished
  target   text not null,             -- "item 12: crm/001A ~ mdm/M1", "HCP000000042", "run 7"
  market   text,                      -- the country of the records concerned, when known
  before   jsonb,
  after    jsonb,
  comment  text
);
create index audit_log_target on hcp.audit_log (target);

create function hcp.audit_log_refuse_change() returns trigger
  language plpgsql as $$
begin
  raise exception 'hcp.audit_log is append-only: % is not allowed', tg_op
    using errcode = 'insufficient_privilege';
end
$$;

create trigger audit_log_no_update_or_delete before update or delete on hcp.audit_log
  for each row execute function hcp.audit_log_refuse_change();
create trigger audit_log_no_truncate before truncate on hcp.audit_log
  for each statement execute function hcp.audit_log_refuse_change();

-- Not security_invoker: analysts need no rights on hcp; the market filter is in the view.
create view publish.audit_trail as
  select audit_id, at, actor, action, target, market, before, after, comment
  from hcp.audit_log
  where market is null or publish.market_visible(market);

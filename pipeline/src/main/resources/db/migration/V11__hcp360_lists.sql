-- The governed HCP 360 list per brand and market, versioned per run. Each publish adds a new
-- version and moves publish.hcp360_current to it in the same transaction, so a reader sees the
-- previous version or the new one, never half; earlier versions stay queryable by version_id.

create sequence publish.hcp360_version_seq;

create table publish.hcp360_list_version (
  version_id   bigint primary key,
  run_id       bigint not null,
  brand        text not null,
  market       text not null,
  members      integer not null,
  as_of        timestamptz,              -- the latest activity: the end of the 90-day window
  published_at timestamptz not null default now()
);

create table publish.hcp360_list_member (
  version_id       bigint not null references publish.hcp360_list_version,
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
  last_contact     jsonb,                -- {"visit": "2025-03-01T10:00:00Z", "email": ...}
  last_contact_at  timestamptz,
  activities_90d   integer not null,     -- activities in the 90 days up to as_of
  channels_engaged integer not null,     -- distinct channels with any activity
  primary key (version_id, golden_id)
);
create index hcp360_list_member_golden on publish.hcp360_list_member (golden_id);

create table publish.hcp360_current (
  brand      text not null,
  market     text not null,
  version_id bigint not null references publish.hcp360_list_version,
  primary key (brand, market)
);

-- The current list of every brand and market.
create view publish.hcp360_list with (security_invoker = true) as
  select m.* from publish.hcp360_list_member m join publish.hcp360_current c using (version_id);

alter table publish.hcp360_list_member enable row level security;
create policy hcp360_list_member_by_market on publish.hcp360_list_member for select
  using (publish.market_visible(market));
alter table publish.hcp360_list_version enable row level security;
create policy hcp360_list_version_by_market on publish.hcp360_list_version for select
  using (publish.market_visible(market));

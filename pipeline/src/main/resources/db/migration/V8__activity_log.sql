-- The omnichannel activity log: every staged activity of the latest run (calls, email sends,
-- opens and clicks, event registrations and attendance, sample requests), each linked to its
-- golden HCP through its source record; one whose source record is unknown is kept with a reason.

-- Filled by the activities step, set-based, from hcp.staged_activity. Like hcp.party it holds
-- the latest run: the step empties it and fills it again, so a restarted step gives the same rows.
create table hcp.activity (
  activity_key    bigint generated always as identity primary key,
  run_id          bigint not null,
  golden_id       text,               -- null when the source record is unknown
  system          text not null,
  party_source_id text not null,
  activity_type   text not null,
  occurred_at     timestamptz not null,
  activity_id     text,
  channel         text not null,      -- as staged, else derived from the activity type
  brand           text,
  product         text,
  quantity        integer,
  territory       text,
  logged_at       timestamptz,
  status          text,
  detail          text,
  country         text,
  file_name       text not null,      -- where the row was read (the kept one of duplicates)
  path            text not null,
  line            integer not null,
  link_status     text not null check (link_status in ('linked', 'unknown_source_record')),
  reason          text,
  check ((link_status = 'linked') = (golden_id is not null)),
  check ((link_status = 'linked') = (reason is null))
);

-- Published for analysts: one row per activity linked to a golden HCP.
create table publish.activity_log (
  activity_key  bigint not null,
  golden_id     text not null,
  activity_type text not null,
  channel       text not null,
  occurred_at   timestamptz not null,
  logged_at     timestamptz,
  brand         text,
  product       text,
  quantity      integer,
  territory     text,
  status        text,
  detail        text,
  country       text,
  source        text not null,        -- the source system of the activity and its party record
  source_id     text not null,        -- the party record's source_id (publish.hcp_xref)
  activity_id   text,
  run_id        bigint not null
);
create index activity_log_golden on publish.activity_log (golden_id, occurred_at);

-- Published for analysts: activities whose source record is unknown, with the reason.
create table publish.unlinked_activity (
  activity_key  bigint not null,
  activity_type text not null,
  channel       text not null,
  occurred_at   timestamptz not null,
  logged_at     timestamptz,
  brand         text,
  product       text,
  quantity      integer,
  territory     text,
  status        text,
  detail        text,
  country       text,
  source        text not null,
  source_id     text not null,
  activity_id   text,
  reason        text not null,
  file_name     text not null,
  path          text not null,
  line          integer not null,
  run_id        bigint not null
);

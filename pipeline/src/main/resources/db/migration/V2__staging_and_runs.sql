-- Runs, per-file counts, rejects and the staging tables that ingest fills with COPY.
-- run_id is the Spring Batch job instance id: a restarted run keeps its run_id.

create table hcp.run (
  run_id      bigint primary key,
  job_name    text not null,
  job_file    text not null,
  started_at  timestamptz not null default now(),
  finished_at timestamptz,
  status      text not null default 'STARTED'
);

-- rows_read = rows_staged + rows_rejected, for every file of every run.
create table hcp.file_load (
  run_id        bigint not null references hcp.run,
  system        text not null,
  file_name     text not null,
  path          text not null,
  rows_read     bigint not null,
  rows_staged   bigint not null,
  rows_rejected bigint not null,
  loaded_at     timestamptz not null default now(),
  primary key (run_id, system, file_name, path),
  check (rows_read = rows_staged + rows_rejected)
);

create table hcp.reject (
  run_id    bigint not null,
  system    text not null,
  file_name text not null,
  path      text not null,
  line      integer not null,
  reason    text not null,
  raw       text not null
);
create index reject_run on hcp.reject (run_id, system, file_name);

create table hcp.staged_party (
  run_id        bigint not null,
  system        text not null,
  file_name     text not null,
  path          text not null,
  line          integer not null,
  source_id     text not null,
  title         text,
  first_name    text,
  middle_name   text,
  last_name     text,
  suffix        text,
  credential    text,
  specialty     text,
  npi           text,
  national_id   text,
  state_license text,
  organisation  text,
  address_line1 text,
  address_line2 text,
  city          text,
  region        text,
  postal_code   text,
  country       text,
  phone         text,
  email         text,
  gender        text,
  status        text,
  last_modified timestamptz,
  extras        jsonb not null default '{}'
);
create index staged_party_run on hcp.staged_party (run_id, system, source_id);

create table hcp.staged_activity (
  run_id          bigint not null,
  system          text not null,
  file_name       text not null,
  path            text not null,
  line            integer not null,
  party_source_id text not null,
  activity_type   text not null,
  occurred_at     timestamptz not null,
  activity_id     text,
  channel         text,
  brand           text,
  product         text,
  quantity        integer,
  territory       text,
  logged_at       timestamptz,
  status          text,
  detail          text,
  country         text
);
create index staged_activity_run on hcp.staged_activity (run_id);

create table hcp.staged_consent (
  run_id          bigint not null,
  system          text not null,
  file_name       text not null,
  path            text not null,
  line            integer not null,
  party_source_id text not null,
  channel         text not null,
  status          text not null,
  purpose         text,
  stated_at       timestamptz,
  expires_at      timestamptz,
  brand           text,
  country         text
);
create index staged_consent_run on hcp.staged_consent (run_id);

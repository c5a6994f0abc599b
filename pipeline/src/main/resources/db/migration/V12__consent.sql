-- Consent consolidated per golden HCP, channel and purpose under the rules of the HCP's market
-- (jobs/markets/*.yaml), and the consent facts whose party record is unknown.

-- One row per golden HCP x channel x purpose of its market, for the latest run.
-- evidence: the statements weighed, the deciding one first:
--   [{source, source_id, file, line, status, stated_at}]
create table hcp.channel_eligibility (
  run_id    bigint not null,
  golden_id text not null,
  channel   text not null,
  purpose   text not null,
  eligible  boolean not null,
  reason    text not null,
  evidence  jsonb not null default '[]',
  market    text not null,
  primary key (golden_id, channel, purpose)
);

-- Consent facts of a run whose (system, party_source_id) is no party record: kept, not lost.
create table hcp.unlinked_consent (
  run_id          bigint not null,
  system          text not null,
  file_name       text not null,
  path            text not null,
  line            integer not null,
  party_source_id text not null,
  channel         text not null,
  status          text not null,
  purpose         text,
  stated_at       timestamptz
);
create index unlinked_consent_run on hcp.unlinked_consent (run_id);

-- Published for analysts: may this HCP be contacted on this channel for this purpose, and why.
create table publish.channel_eligibility (
  golden_id    text not null,
  channel      text not null,
  purpose      text not null,
  eligible     boolean not null,
  reason       text not null,
  evidence     jsonb not null,
  market       text not null,
  run_id       bigint not null,
  published_at timestamptz not null default now(),
  primary key (golden_id, channel, purpose)
);

create schema if not exists publish;

-- The standardized party records of the latest run, the pairs matched between them, their
-- clusters, the golden records, and the published cross-reference.

-- One row per source record (system, source_id): the latest staged version, standardized.
create table hcp.party (
  party_id      integer primary key,
  run_id        bigint not null,
  system        text not null,
  source_id     text not null,
  title         text,
  first_name    text,
  middle_name   text,
  last_name     text,
  suffix        text,
  credential    text,
  specialty     text,
  npi           text,
  npi_valid     boolean not null default false,
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
  extras        jsonb not null default '{}',
  -- match keys: lower case, accents removed
  first_name_key text,
  last_name_key  text,
  unique (system, source_id)
);
create index party_npi on hcp.party (npi) where npi_valid;
create index party_email on hcp.party (email) where email is not null;

-- Pairs of party records that describe the same person, with the rule that linked them.
create table hcp.match_pair (
  run_id   bigint not null,
  left_id  integer not null,
  right_id integer not null,
  rule     text not null,
  primary key (left_id, right_id, rule)
);

-- Each party record's cluster (the smallest party_id of the cluster).
create table hcp.cluster_member (
  party_id   integer primary key,
  cluster_id integer not null
);
create index cluster_member_cluster on hcp.cluster_member (cluster_id);

create sequence hcp.golden_seq;

-- Golden IDs: once published, kept by later runs for the cluster holding most of its records.
create table hcp.golden_member (
  party_id  integer primary key,
  golden_id text not null
);
create index golden_member_golden on hcp.golden_member (golden_id);

-- The golden record of each HCP (survivorship: the most recently modified non-blank value).
create table hcp.golden_record (
  golden_id    text primary key,
  run_id       bigint not null,
  member_count integer not null,
  first_name   text,
  middle_name  text,
  last_name    text,
  credential   text,
  specialty    text,
  npi          text,
  email        text,
  phone        text,
  city         text,
  postal_code  text,
  country      text
);

-- Published for analysts: every source record and its golden HCP.
create table publish.hcp_xref (
  golden_id    text not null,
  source       text not null,
  source_id    text not null,
  run_id       bigint not null,
  published_at timestamptz not null default now(),
  primary key (source, source_id)
);
create index hcp_xref_golden on publish.hcp_xref (golden_id);

-- Published for analysts: one row per golden HCP.
create table publish.hcp (
  golden_id    text primary key,
  first_name   text,
  middle_name  text,
  last_name    text,
  credential   text,
  specialty    text,
  npi          text,
  email        text,
  phone        text,
  city         text,
  postal_code  text,
  country      text,
  record_count integer not null,
  run_id       bigint not null
);

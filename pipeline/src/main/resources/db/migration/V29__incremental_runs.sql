-- Incremental runs: a nightly run standardizes, matches and clusters only what changed since
-- the last run; `run --full` rebuilds. See the README's "Incremental runs".

-- Every source record keeps its party_id for good, in full and incremental runs alike, so that
-- both number the records the same way (a new record gets the next number; a deleted one's
-- number is not reused).
create table hcp.party_key (
  system    text not null,
  source_id text not null,
  party_id  integer primary key,
  unique (system, source_id)
);
insert into hcp.party_key (system, source_id, party_id)
select system, source_id, party_id from hcp.party;

-- The md5 of the staged row a party record was standardized from: a record is changed when
-- its latest staged row hashes differently.
alter table hcp.party add column row_hash uuid;

-- What a run's standardize step found changed, and the earlier version of each changed or
-- deleted record (its blocking keys before the change).
create table hcp.party_change (
  run_id   bigint not null,
  party_id integer not null,
  change   text not null check (change in ('added', 'changed', 'deleted')),
  primary key (run_id, party_id)
);
create table hcp.party_previous (like hcp.party including defaults);

-- Links the matcher found but took back (a record matching two people): kept so that a later
-- incremental run can weigh the whole group of linked records again.
create table hcp.dropped_pair (
  left_id  integer not null,
  right_id integer not null,
  primary key (left_id, right_id),
  check (left_id < right_id)
);

-- The records whose links the last match step decided again (incremental runs): the cluster
-- step regroups their connected parts only.
create table hcp.match_change (
  run_id   bigint not null,
  party_id integer not null,
  primary key (run_id, party_id)
);

-- The records whose cluster an incremental run's cluster step decided again (the connected parts
-- of the records in hcp.match_change, by matches and steward decisions): the golden step
-- rebuilds their golden records only.
create table hcp.cluster_change (
  run_id   bigint not null,
  party_id integer not null,
  primary key (run_id, party_id)
);

-- The golden IDs whose golden records an incremental golden step built again (those the
-- regrouped records had, and those their clusters have now): what the publish step replaces.
-- A run's golden step was incremental when hcp.run.golden_mode says so.
create table hcp.golden_change (
  run_id    bigint not null,
  golden_id text not null,
  primary key (run_id, golden_id)
);
alter table hcp.run add column golden_mode text check (golden_mode in ('full', 'incremental'));

-- Term frequencies are part of the model: taken from the data on a rule set's first full run
-- and kept, so that a pair's score does not move when unrelated records come and go.
create table hcp.term_frequency (
  rule_set text not null,
  field    text not null,
  value    text not null,
  records  integer not null,
  primary key (rule_set, field, value)
);
create table hcp.term_frequency_total (
  rule_set text primary key,
  records  integer not null,
  taken_by bigint not null
);

-- How each run ran, and which run last wrote the party, pair, cluster and golden tables. A step
-- of an incremental run reads what it writes (hcp.party is the last run's until standardize
-- replaces the changed records): once its transaction has committed for a run, the run's
-- restart must not do it again, so each step records the run it last did, in the same
-- transaction.
alter table hcp.run add column mode text not null default 'full'
  check (mode in ('full', 'incremental'));
create table hcp.incremental_state (
  id               boolean primary key default true check (id),
  model            text not null,   -- rule set label and a digest of its trained parameters
  standardized_run bigint not null,
  matched_run      bigint,
  clustered_run    bigint,
  golden_run       bigint,          -- the run whose golden IDs and records hcp.golden_* hold
  golden_rules     text             -- the survivorship rules they were built with
);

-- Incremental activities and publish. The activities step of an incremental run links again only
-- the activities staged differently from what hcp.activity holds (compared by the md5 of the
-- staged row's values) and those of the source records the run changed or regrouped; the
-- publish step then replaces only the rows of what changed. A row of hcp.activity and of the
-- published tables keeps the run_id of the run that wrote it.

-- A staged activity with the md5 of its values, where it was read included (timestamps as epoch
-- seconds, so that the session's time zone does not change the digest).
create view hcp.staged_activity_row as
select s.*,
  md5(row(s.system, s.party_source_id, s.activity_type, extract(epoch from s.occurred_at),
          s.activity_id, s.channel, s.brand, s.product, s.quantity, s.territory,
          extract(epoch from s.logged_at), s.status, s.detail, s.country, s.file_name, s.path,
          s.line)::text)::uuid as row_hash
from hcp.staged_activity s;

-- The md5 of the staged row an activity was linked from (null in rows older than this column:
-- linked again by the next run).
alter table hcp.activity add column row_hash uuid;
-- An incremental run finds the activities of the source records it changed or regrouped.
create index activity_source_record on hcp.activity (system, party_source_id);

-- The activity keys an incremental activities step removed or added (an activity linked again
-- is both: removed under its old key, added under a new one): what the publish step replaces.
create table hcp.activity_change (
  run_id       bigint not null,
  activity_key bigint not null,
  primary key (run_id, activity_key)
);
alter table hcp.run add column activity_mode text
  check (activity_mode in ('full', 'incremental'));
-- The run whose activities hcp.activity holds: an activities step builds on it only when that
-- run's activities are the published ones.
alter table hcp.incremental_state add column activity_run bigint;

-- The publish step replaces changed activities by key.
create index activity_log_key on publish.activity_log (activity_key);
create index unlinked_activity_key on publish.unlinked_activity (activity_key);

-- How a run's publish made its list versions (incremental: the unchanged members carried over
-- from the current versions), and what each version was computed with (its activity prefixes
-- and targeting attribute): a new version carries the unchanged members of the current one over
-- only when they are the same.
alter table hcp.run add column list_mode text check (list_mode in ('full', 'incremental'));
create table hcp.list_version_spec (
  version_id bigint primary key references publish.hcp360_list_version on delete cascade,
  prefixes   text[] not null,
  targeting  text
);
-- The latest activity (a list's as_of) and the activities a moved 90-day window takes in or
-- leaves out.
create index activity_log_occurred on publish.activity_log (occurred_at);

-- Golden values stay in the partition of the run that built their golden record: an
-- incremental golden step writes only those of the golden records it builds again (nothing is
-- copied). A published golden HCP's lineage is in the partition of its publish.hcp.run_id, the
-- run that built and published it (a full publish writes every row; an incremental one the rows
-- of the golden records its run built again). CREATE OR REPLACE keeps the view's grants.
create or replace view publish.hcp_lineage as
  select v.golden_id, v.attribute, v.value, v.source, v.source_id, v.rule, v.source_updated,
         v.run_id
  from hcp.golden_value v
  join publish.hcp h on h.golden_id = v.golden_id and h.run_id = v.run_id
  where publish.golden_visible(v.golden_id);

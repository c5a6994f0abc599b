-- Survivorship lineage: where every golden value came from. And the history of golden IDs:
-- created, merged (the retired ID points to its survivor), split (a new ID from an old one).

create table hcp.golden_value (
  run_id         bigint not null,
  golden_id      text not null,
  attribute      text not null,
  value          text not null,
  source         text not null,          -- the source system of the record it came from
  source_id      text not null,
  rule           text not null,          -- the survivorship rule that chose it
  source_updated timestamptz,            -- that record's last-modified time
  primary key (golden_id, attribute)
);

create table hcp.golden_id_event (
  run_id            bigint not null,
  golden_id         text not null,
  event             text not null check (event in ('created', 'merged', 'split')),
  related_golden_id text,                -- merged: the survivor; split: the ID it split from
  records           integer not null,
  happened_at       timestamptz not null default now()
);
create index golden_id_event_golden on hcp.golden_id_event (golden_id);

create table hcp.golden_id_redirect (
  retired_id  text primary key,
  survivor_id text not null,
  run_id      bigint not null
);

-- Published: where each golden value came from.
create table publish.hcp_lineage (
  golden_id      text not null,
  attribute      text not null,
  value          text not null,
  source         text not null,
  source_id      text not null,
  rule           text not null,
  source_updated timestamptz,
  run_id         bigint not null,
  primary key (golden_id, attribute)
);

-- Published: the history of golden IDs, and for any ID ever published, the current one.
create view publish.golden_id_history as
  select golden_id, event, related_golden_id, records, run_id, happened_at
  from hcp.golden_id_event;

-- For every golden ID ever published, the golden ID that holds its records now.
create view publish.golden_id_resolution as
  with recursive chain(requested_id, current_id, hops) as (
    select retired_id, survivor_id, 1 from hcp.golden_id_redirect
    union all
    select c.requested_id, r.survivor_id, c.hops + 1
    from chain c join hcp.golden_id_redirect r on r.retired_id = c.current_id
    where c.hops < 100
  )
  select requested_id, current_id from (
    select distinct on (requested_id) requested_id, current_id
    from chain order by requested_id, hops desc) retired
  union all
  select golden_id, golden_id from publish.hcp;

-- Golden values (the lineage of every golden attribute, 8.5 million rows at 1,000,000 party
-- records) kept in one partition per run: the golden step loads its run's partition without
-- indexes, builds the key after and attaches it, and drops the partitions of runs that are
-- neither published nor current instead of deleting their rows one by one.
alter table hcp.golden_value rename to golden_value_unpartitioned;
alter index hcp.golden_value_pkey rename to golden_value_unpartitioned_pkey;

create table hcp.golden_value (
  run_id         bigint not null,
  golden_id      text not null,
  attribute      text not null,
  value          text not null,
  source         text not null,          -- the source system of the record it came from
  source_id      text not null,
  rule           text not null,          -- the survivorship rule that chose it
  source_updated timestamptz,            -- that record's last-modified time
  primary key (run_id, golden_id, attribute)
) partition by list (run_id);

do $$
declare
  r bigint;
begin
  for r in select distinct run_id from hcp.golden_value_unpartitioned loop
    execute format('create table hcp.golden_value_run_%s partition of hcp.golden_value'
                   ' for values in (%s)', r, r);
  end loop;
end $$;
insert into hcp.golden_value select * from hcp.golden_value_unpartitioned;

-- The same view, now over the partitioned table (CREATE OR REPLACE keeps its grants).
create or replace view publish.hcp_lineage as
  select v.golden_id, v.attribute, v.value, v.source, v.source_id, v.rule, v.source_updated,
         v.run_id
  from hcp.golden_value v
  join publish.published_run r using (run_id)
  where publish.golden_visible(v.golden_id);

drop table hcp.golden_value_unpartitioned;

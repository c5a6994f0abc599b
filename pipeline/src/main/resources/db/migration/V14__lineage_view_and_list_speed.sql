-- Lineage is published as a view over the published run's rows of hcp.golden_value instead of
-- a copy (8.5 million rows at 1,000,000 party records): the golden step keeps the published
-- run's values beside the new ones, and publish moves publish.published_run in its
-- transaction, so a reader still sees one whole publish.

alter table hcp.golden_value drop constraint golden_value_pkey;
alter table hcp.golden_value add primary key (run_id, golden_id, attribute);

create table publish.published_run (
  singleton boolean primary key default true check (singleton),
  run_id    bigint not null
);
insert into publish.published_run (run_id) select max(run_id) from publish.hcp
  having max(run_id) is not null;

drop table publish.hcp_lineage;
create view publish.hcp_lineage as
  select v.golden_id, v.attribute, v.value, v.source, v.source_id, v.rule, v.source_updated,
         v.run_id
  from hcp.golden_value v
  join publish.published_run r using (run_id)
  where publish.golden_visible(v.golden_id);

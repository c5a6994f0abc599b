-- The records whose golden ID an incremental golden step changed (the regrouped records whose
-- golden HCP is another now, added records, which had none, and deleted ones, which have none
-- now). The published cross-references and the activities' links depend on a record's golden
-- ID alone: the publish step replaces the cross-references of these records only, and the
-- activities step links again the activities of these records only. Most regrouped records
-- keep their golden ID (at 1,000,000 records, a night's 27,000 regrouped records held 4,300
-- changes).
create table hcp.golden_member_change (
  run_id   bigint not null,
  party_id integer not null,
  primary key (run_id, party_id)
);

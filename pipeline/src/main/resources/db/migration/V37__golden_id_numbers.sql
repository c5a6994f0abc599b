-- The numbers of the golden IDs given out, by index: a golden step numbers its new IDs after the
-- highest one (GoldenDao.newGoldenIds), which it read by scanning every ID event and every
-- published cross-reference (0.4 s at 1,000,000 records, on every incremental night too).
-- The expression and predicate are the query's own, for the planner to read the maximum from
-- the end of each index.
create index golden_id_event_number on hcp.golden_id_event ((substr(golden_id, 4)::bigint))
  where golden_id ~ '^HCP[0-9]+$';
create index hcp_xref_number on publish.hcp_xref ((substr(golden_id, 4)::bigint))
  where golden_id ~ '^HCP[0-9]+$';

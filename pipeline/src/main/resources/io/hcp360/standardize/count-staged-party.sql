-- How many source records the run staged (each counted once, whatever its versions): the total
-- of the standardize step's progress.
select count(*) from (select distinct system, source_id from hcp.staged_party) records

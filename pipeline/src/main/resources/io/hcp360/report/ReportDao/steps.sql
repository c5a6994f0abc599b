-- Every step execution of a run (a job instance), a failed attempt and its resume included;
-- a step still running (the report step itself) is timed up to now. The exit message's first
-- line says why a step failed.
select s.step_name as step, s.status,
  to_char(s.start_time, 'YYYY-MM-DD"T"HH24:MI:SS') as started_at,
  extract(epoch from coalesce(s.end_time, localtimestamp) - s.start_time)::float8 as seconds,
  nullif(split_part(s.exit_message, E'\n', 1), '') as exit_message
from batch.batch_step_execution s
join batch.batch_job_execution e on e.job_execution_id = s.job_execution_id
where e.job_instance_id = :runId
order by s.step_execution_id

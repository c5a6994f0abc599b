-- A run's rejects by kind: the reason with quoted values and numbers taken out, so that
-- "npi: date '2025-13-01' does not parse ..." and "npi: date '1999-02-30' ..." are one kind;
-- the first :examples rows of each kind (by file and line) as examples, with its total.
with kinded as (
  select system, file_name, path, line, reason, left(raw, 300) as raw,
    regexp_replace(regexp_replace(reason, '''[^'']*''', '''…''', 'g'), '\m[0-9]+\M', 'N', 'g')
      as kind
  from hcp.reject where run_id = :runId
), ranked as (
  select *, count(*) over (partition by kind) as rows,
    row_number() over (partition by kind order by system, file_name, path, line) as nth
  from kinded
)
select kind, rows, system, file_name, path, line, reason, raw
from ranked where nth <= :examples
order by rows desc, kind, nth

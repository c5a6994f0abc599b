-- One golden attribute for every golden record: the value its survivorship rule picks among the
-- members' values (<value>: the column, <filter>: validity, <ordering>: the rule).
insert into hcp.golden_value (run_id, golden_id, attribute, value, source, source_id, rule,
  source_updated)
select distinct on (m.golden_id)
  :runId, m.golden_id, :attribute, <value>, p.system, p.source_id, :rule, p.last_modified
from hcp.golden_member m
join hcp.party p using (party_id)
where <value> is not null and <value> <> '' <filter>
order by m.golden_id, <ordering>

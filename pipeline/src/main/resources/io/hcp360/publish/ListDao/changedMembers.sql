-- The golden HCPs whose rows in a list may differ from the published run's, into list_changed;
-- run at the start of an incremental publish, before the published tables change. A list row
-- is made of the HCP's golden record (country included), its records' extra attributes, its
-- activities (and the latest activity of all: ListDao.windowChanged) and its channel
-- eligibility. So: the golden IDs the golden step built again, the HCPs of the activities
-- removed or added (before and after), and the HCPs whose eligibility flags changed
-- (eligibility_change, see PublishDao.eligibilityChanges). The HCPs of changed records, before
-- and after, are among the golden IDs built again: the cluster step regroups every changed
-- record (and every record whose links the match step decided again), and the golden step
-- builds again the golden IDs its regrouped records had and those they have now.
create temporary table list_changed on commit drop as
select golden_id from hcp.golden_change where run_id = :runId
union
select a.golden_id from publish.activity_log a
join hcp.activity_change c using (activity_key) where c.run_id = :runId
union
select a.golden_id from hcp.activity a
join hcp.activity_change c using (activity_key) where c.run_id = :runId and a.golden_id is not null
union
select golden_id from eligibility_change where flag_changed

-- HCP 360 list members carry their channel eligibility: {"email/promotional": true, ...}.
alter table publish.hcp360_list_member add column eligibility jsonb;

create or replace view publish.hcp360_list with (security_invoker = true) as
  select m.* from publish.hcp360_list_member m join publish.hcp360_current c using (version_id);

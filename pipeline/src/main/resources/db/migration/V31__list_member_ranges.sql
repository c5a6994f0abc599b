-- HCP 360 list members stored as ranges of versions: a row holds one member's values in one
-- list from the version that first held them up to the first version that does not. A publish
-- closes the rows of the members that left or changed and opens rows for those that joined or
-- changed; the rows of unchanged members are not touched and so belong to the new version too.
-- Before this, every version copied every member (740,000 rows a night at 1,000,000 records for
-- about 15,000 changes). Version ids of one list increase over time (ListDao.version), and a
-- list's latest version is its current one (both written in one publish transaction).

create table publish.hcp360_list_row (
  brand            text not null,
  market           text not null,
  golden_id        text not null,
  first_name       text,
  middle_name      text,
  last_name        text,
  credential       text,
  specialty        text,
  npi              text,
  email            text,
  phone            text,
  city             text,
  postal_code      text,
  last_contact     jsonb,                -- {"visit": "2025-03-01T10:00:00Z", "email": ...}
  last_contact_at  timestamptz,
  activities_90d   integer not null,     -- activities in the 90 days up to as_of
  channels_engaged integer not null,     -- distinct channels with any activity
  eligibility      jsonb,                -- {"email/promotional": true, ...}
  from_version     bigint not null references publish.hcp360_list_version,
  until_version    bigint references publish.hcp360_list_version,  -- null while current
  -- a list's rows opened up to a version: those that may belong to it
  primary key (brand, market, from_version, golden_id),
  check (until_version > from_version)
);
-- The current rows: one per member of each list (what publish.hcp360_list reads and a publish
-- compares its new rows with).
create unique index hcp360_list_row_current on publish.hcp360_list_row (brand, market, golden_id)
  where until_version is null;
-- The rows a version closed (a publish run again opens them again).
create index hcp360_list_row_closed on publish.hcp360_list_row (brand, market, until_version)
  where until_version is not null;
-- The rows of one HCP (an incremental publish looks up the HCPs it computed again).
create index hcp360_list_row_golden on publish.hcp360_list_row (golden_id);

-- Existing versions into ranges: the consecutive versions of a list that hold a member with the
-- same values make one row (an island: the version's place in its list minus the row's place
-- among the versions holding it is the same throughout).
insert into publish.hcp360_list_row (brand, market, golden_id, first_name, middle_name,
  last_name, credential, specialty, npi, email, phone, city, postal_code, last_contact,
  last_contact_at, activities_90d, channels_engaged, eligibility, from_version, until_version)
with version as (
  select version_id, brand, market,
    row_number() over (partition by brand, market order by version_id) as place,
    lead(version_id) over (partition by brand, market order by version_id) as next_version
  from publish.hcp360_list_version
),
member as (
  select m.*, v.place, v.next_version,
    v.place - row_number() over (
      partition by v.brand, v.market, m.golden_id, m.first_name, m.middle_name, m.last_name,
        m.credential, m.specialty, m.npi, m.email, m.phone, m.city, m.postal_code,
        m.last_contact, m.last_contact_at, m.activities_90d, m.channels_engaged, m.eligibility
      order by v.place) as island
  from publish.hcp360_list_member m join version v using (version_id)
)
select brand, market, golden_id, first_name, middle_name, last_name, credential, specialty,
  npi, email, phone, city, postal_code, last_contact, last_contact_at, activities_90d,
  channels_engaged, eligibility, min(version_id),
  (array_agg(next_version order by place desc))[1]
from member
group by brand, market, golden_id, first_name, middle_name, last_name, credential, specialty,
  npi, email, phone, city, postal_code, last_contact, last_contact_at, activities_90d,
  channels_engaged, eligibility, island;

alter table publish.hcp360_list_row enable row level security;
create policy hcp360_list_row_by_market on publish.hcp360_list_row for select
  using (publish.market_visible(market));

-- The current lists, now over the current rows (CREATE OR REPLACE keeps the view's grants).
create or replace view publish.hcp360_list with (security_invoker = true) as
  select c.version_id, r.brand, r.market, r.golden_id, r.first_name, r.middle_name,
         r.last_name, r.credential, r.specialty, r.npi, r.email, r.phone, r.city,
         r.postal_code, r.last_contact, r.last_contact_at, r.activities_90d,
         r.channels_engaged, r.eligibility
  from publish.hcp360_list_row r
  join publish.hcp360_current c on c.brand = r.brand and c.market = r.market
  where r.until_version is null;

-- Every version's members, with the columns the table had.
alter table publish.hcp360_list_member rename to hcp360_list_member_copies;
create view publish.hcp360_list_member with (security_invoker = true) as
  select v.version_id, r.brand, r.market, r.golden_id, r.first_name, r.middle_name,
         r.last_name, r.credential, r.specialty, r.npi, r.email, r.phone, r.city,
         r.postal_code, r.last_contact, r.last_contact_at, r.activities_90d,
         r.channels_engaged, r.eligibility
  from publish.hcp360_list_version v
  join publish.hcp360_list_row r on r.brand = v.brand and r.market = v.market
    and r.from_version <= v.version_id
    and (r.until_version is null or r.until_version > v.version_id);

-- Whoever was granted the table (analysts: "grant select on all tables in schema publish") may
-- read the view and, as the views run with the reader's rights, the rows under it.
do $$
declare
  granted record;
begin
  for granted in
    select a.privilege_type, a.is_grantable,
           coalesce(quote_ident(r.rolname), 'public') as grantee
    from pg_class c
    cross join lateral aclexplode(c.relacl) a
    left join pg_roles r on r.oid = a.grantee
    where c.oid = 'publish.hcp360_list_member_copies'::regclass and a.grantee <> c.relowner
  loop
    execute format('grant %s on publish.hcp360_list_row to %s%s', granted.privilege_type,
      granted.grantee, case when granted.is_grantable then ' with grant option' else '' end);
    if granted.privilege_type = 'SELECT' then
      execute format('grant select on publish.hcp360_list_member to %s%s', granted.grantee,
        case when granted.is_grantable then ' with grant option' else '' end);
    end if;
  end loop;
end
$$;

drop table publish.hcp360_list_member_copies;

-- hcp.run.list_mode 'incremental' now means: only the members of the golden HCPs whose rows may
-- have changed were computed; the other rows stayed as they were (nothing is copied).
comment on column hcp.run.list_mode is
  'incremental: only the list members of changed golden HCPs computed; full: every member';

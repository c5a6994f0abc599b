-- Governance: analysts read the publish schema only, and an analyst role can be limited to
-- markets. publish.analyst_market lists the markets (ISO alpha-2) each restricted role may see;
-- a role that is listed sees only rows of its markets, in every published table that has rows
-- per golden HCP. Roles not listed (the owner, hcp360 itself) see everything.

create table publish.analyst_market (
  role_name text not null,
  market    text not null check (market ~ '^[A-Z]{2}$'),
  primary key (role_name, market)
);

-- True when the current role may see rows of this market (or is not restricted at all). The
-- functions run as the caller (not security definer), so current_user is the analyst.
create function publish.market_visible(market text) returns boolean
  language sql stable as $$
    select not exists (select 1 from publish.analyst_market where role_name = current_user)
        or exists (select 1 from publish.analyst_market
                   where role_name = current_user and analyst_market.market = $1)
$$;

-- The market of a golden HCP, for tables without a country of their own.
create function publish.golden_visible(golden text) returns boolean
  language sql stable as $$
    select publish.market_visible((select country from publish.hcp where golden_id = $1))
$$;

alter table publish.hcp enable row level security;
create policy hcp_by_market on publish.hcp for select using (publish.market_visible(country));

alter table publish.hcp_xref enable row level security;
create policy hcp_xref_by_market on publish.hcp_xref for select
  using (publish.golden_visible(golden_id));

alter table publish.hcp_lineage enable row level security;
create policy hcp_lineage_by_market on publish.hcp_lineage for select
  using (publish.golden_visible(golden_id));

-- the pledge/delivery ledger: releases (import provenance), instruments, pledges, pipeline events, Kiel aggregates,
-- and an append-only audit log. Written to the PostgreSQL 15 subset so it runs on PGlite (PG 18) and Debian's PG 15.

create table releases (
  id integer generated always as identity primary key,
  kind text not null check (kind in ('kiel-explorer', 'kiel-activities', 'kiel-weapons', 'kiel-xlsx', 'csv', 'agreements')),
  origin text not null,            -- the scope a re-import replaces, e.g. 'kiel-activities' or 'csv:my-file'
  label text,                      -- e.g. 'Ukraine Support Tracker, Release 29 (04/2026)'
  file_name text not null,
  sha256 text not null,
  row_count integer not null check (row_count >= 0),
  added integer not null default 0,
  changed integer not null default 0,
  removed integer not null default 0,
  imported_by text not null,
  imported_at timestamptz not null default now()
);

-- a guarantee instrument a pledge fulfils: a bilateral security agreement, a fund, a package
create table instruments (
  key text primary key,
  origin text not null,
  kind text not null,
  donor text not null,
  title text not null,
  signed_on date,
  duration_years integer,
  source_id text not null,
  evidence text not null check (evidence in ('verified', 'secondary', 'unverified')),
  note text,
  record jsonb not null,
  content_hash text not null,
  release_id integer not null references releases(id)
);

create table pledges (
  id integer generated always as identity primary key,
  key text not null unique,        -- stable natural key, e.g. 'agr:bsa-bel-2024:f16' or 'kiel-act:<digest>#1'
  origin text not null,
  donor text not null,
  instrument_key text,             -- no FK: a CSV may cite an agreement before the agreements are loaded
  category text not null check (category in ('military', 'financial', 'humanitarian', 'other')),
  item text,
  quantity double precision check (quantity >= 0),
  unit text,
  value double precision check (value >= 0),
  currency text,
  value_eur double precision check (value_eur >= 0),
  announced_on date,
  committed_on date,
  due_on date,
  source_id text,
  evidence text not null default 'verified' check (evidence in ('verified', 'secondary', 'unverified')),
  note text,
  record jsonb not null,           -- the pledge with its events as imported: the audit log's before/after
  content_hash text not null,
  release_id integer not null references releases(id)
);
create index pledges_origin on pledges (origin);
create index pledges_donor on pledges (donor);
create index pledges_instrument on pledges (instrument_key);

create table pipeline_events (
  id integer generated always as identity primary key,
  pledge_id integer not null references pledges(id) on delete cascade,
  seq integer not null,
  stage text not null check (stage in ('announced', 'committed', 'allocated', 'delivered', 'operational')),
  occurred_on date,
  quantity double precision check (quantity >= 0),
  value_eur double precision,      -- may be negative: Kiel records downward corrections as negative allocations
  source text,
  note text,
  unique (pledge_id, seq)
);
create index pipeline_events_stage on pipeline_events (stage, occurred_on);

-- Kiel's donor x month allocations and commitments (data_explorer.csv), EUR bn as published
create table kiel_monthly (
  key text primary key,            -- '<donor>|YYYY-MM'
  origin text not null,
  donor text not null,
  iso text,
  month date not null,
  total double precision not null,
  financial double precision not null,
  humanitarian double precision not null,
  military double precision not null,
  commitments double precision,
  to_be_allocated double precision,
  gdp double precision,
  pct_gdp double precision,
  record jsonb not null,
  content_hash text not null,
  release_id integer not null references releases(id)
);
create index kiel_monthly_month on kiel_monthly (month);

-- Kiel's heavy weapons by donor and category (weapons.csv)
create table kiel_weapons (
  key text primary key,            -- '<donor>|<category>'
  origin text not null,
  donor text not null,
  category text not null,
  count double precision not null check (count >= 0),
  value_eur double precision check (value_eur >= 0),
  items text,
  record jsonb not null,
  content_hash text not null,
  release_id integer not null references releases(id)
);

-- every change any import makes, never updated or deleted (the trigger below enforces it)
create table audit_log (
  id bigint generated always as identity primary key,
  at timestamptz not null default now(),
  actor text not null,
  action text not null check (action in ('insert', 'update', 'delete')),
  entity text not null,
  entity_key text not null,
  before jsonb,
  after jsonb,
  release_id integer references releases(id)
);
create index audit_log_entity on audit_log (entity, entity_key);

create function audit_log_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'audit_log is append-only';
end
$$;
create trigger audit_log_no_change before update or delete on audit_log
  for each row execute function audit_log_append_only();
create trigger audit_log_no_truncate before truncate on audit_log
  for each statement execute function audit_log_append_only();

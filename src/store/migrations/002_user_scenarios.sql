-- scenarios written in the workbench: the YAML as submitted (validated by the same loader as the CLI) with an
-- optimistic version that every update bumps. Catalog scenarios stay in scenarios/*.yaml and are never stored here.
-- PostgreSQL 15 subset, so it runs on PGlite and Debian's PostgreSQL.

create table user_scenarios (
  id text primary key check (id ~ '^[a-z0-9][a-z0-9-]*$'),
  title text not null,
  yaml text not null,
  version integer not null default 1 check (version >= 1),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

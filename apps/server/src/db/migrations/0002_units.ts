import { sql, type Kysely } from 'kysely';
import { runScript } from './script.ts';

/**
 * The unit tree, departments, staff with role assignments, party groups and households.
 * `unit.path` is an ltree of ids from the root ('1.5.23'), so "everything under X" is one
 * indexed `path <@ X.path` query.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
    create table unit (
      id int generated always as identity primary key,
      code text not null unique,
      name text not null,
      kind text not null check (kind in ('county','township','village','grid','microGrid','householdGroup')),
      level smallint not null check (level between 1 and 6),
      parent_id int references unit(id),
      path ltree not null,
      status text not null default 'active' check (status in ('active','retired')),
      geometry jsonb,
      child_seq int not null default 0,
      version int not null default 1,
      created_at timestamptz not null,
      updated_at timestamptz not null,
      retired_at timestamptz
    );
    create index unit_path_gist on unit using gist (path);
    create index unit_parent_idx on unit (parent_id, name, id);
    create index unit_kind_idx on unit (kind);
    create index unit_name_trgm on unit using gin (name gin_trgm_ops);

    create table unit_history (
      id int generated always as identity primary key,
      unit_id int not null references unit(id),
      at timestamptz not null,
      change text not null check (change in ('created','renamed','moved','retired','geometry')),
      before jsonb,
      after jsonb,
      reason text
    );
    create index unit_history_unit_idx on unit_history (unit_id, id);

    create table department (
      id int generated always as identity primary key,
      unit_id int not null references unit(id),
      code text not null unique,
      name text not null,
      kind text not null check (kind in ('bureau','station')),
      status text not null default 'active' check (status in ('active','retired'))
    );
    create index department_unit_idx on department (unit_id);

    create table staff (
      id int generated always as identity primary key,
      name text not null,
      phone_enc text not null,
      phone_masked text not null,
      phone_bidx text not null,
      party_member boolean not null default false,
      note text,
      created_at timestamptz not null
    );
    create index staff_phone_bidx on staff (phone_bidx);
    create index staff_name_trgm on staff using gin (name gin_trgm_ops);

    create table assignment (
      id int generated always as identity primary key,
      staff_id int not null references staff(id),
      unit_id int not null references unit(id),
      role text not null,
      post text,
      starts_on date not null,
      ends_on date,
      end_reason text,
      created_at timestamptz not null,
      check (ends_on is null or ends_on >= starts_on)
    );
    create index assignment_unit_idx on assignment (unit_id, role) where ends_on is null;
    create index assignment_staff_idx on assignment (staff_id);
    -- Exactly one open grid-leader assignment per grid.
    create unique index assignment_one_grid_leader on assignment (unit_id) where role = 'gridLeader' and ends_on is null;

    create table party_group (
      id int generated always as identity primary key,
      village_id int not null references unit(id),
      name text not null,
      created_at timestamptz not null
    );
    create table party_group_grid (
      party_group_id int not null references party_group(id),
      grid_id int not null references unit(id),
      primary key (party_group_id, grid_id)
    );

    create table household (
      id int generated always as identity primary key,
      unit_id int not null references unit(id),
      address text not null,
      head_name text not null,
      member_count int not null default 0,
      created_at timestamptz not null,
      updated_at timestamptz not null
    );
    create index household_unit_idx on household (unit_id);
    create index household_address_trgm on household using gin (address gin_trgm_ops);

    create table household_move (
      id int generated always as identity primary key,
      household_id int not null references household(id),
      from_unit_id int not null references unit(id),
      to_unit_id int not null references unit(id),
      at timestamptz not null,
      reason text
    );
    create index household_move_idx on household_move (household_id, id);
  `,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table household_move, household, party_group_grid, party_group, assignment, staff, department, unit_history, unit`.execute(db);
}

import { Migration } from '@mikro-orm/migrations';

// Statement-level triggers with transition tables keep statistics_count and triage_count exact in the
// writer's own transaction, whoever writes (services, imports, bulk SQL), at one grouped upsert per
// statement. Keys are upserted in sorted order so concurrent writers lock them in the same order.

const RECORD_DIMENSIONS = `(values ('grade', left(coalesce(d.grade, ''), 32)), ('damage', left(coalesce(d.damage_grade, ''), 32)),
  ('status', d.status::text), ('tier', coalesce(d.tier::text, ''))) v(dimension, value)`;

function deltas(columns: string, op: 'insert' | 'update' | 'delete'): string {
  const plus = `select ${columns}, 1 as delta from new_rows`;
  const minus = `select ${columns}, -1 as delta from old_rows`;
  return op === 'insert' ? plus : op === 'delete' ? minus : `${plus} union all ${minus}`;
}

function recordFunction(op: 'insert' | 'update' | 'delete'): string {
  return `create or replace function statistics_count_record_${op}() returns trigger language plpgsql as $$
begin
  insert into statistics_count as s (province_code, institution_id, dimension, value, n)
  select d.province_code, d.institution_id, v.dimension, v.value, sum(d.delta)
  from (${deltas('province_code, institution_id, grade, damage_grade, status, tier', op)}) d
  cross join lateral ${RECORD_DIMENSIONS}
  group by 1, 2, 3, 4 having sum(d.delta) <> 0 order by 1, 2, 3, 4
  on conflict (province_code, institution_id, dimension, value) do update set n = s.n + excluded.n;
  return null;
end $$;`;
}

function triageFunction(op: 'insert' | 'update' | 'delete'): string {
  const cols = 'province_code, institution_id, damage_level, grade, on_precious_list, acidity_band';
  return `create or replace function triage_count_${op}() returns trigger language plpgsql as $$
begin
  insert into statistics_count as s (province_code, institution_id, dimension, value, n)
  select d.province_code, d.institution_id, 'acidity', coalesce(d.acidity_band, ''), sum(d.delta)
  from (${deltas(cols, op)}) d
  group by 1, 2, 3, 4 having sum(d.delta) <> 0 order by 1, 2, 3, 4
  on conflict (province_code, institution_id, dimension, value) do update set n = s.n + excluded.n;
  insert into triage_count as c (province_code, damage_level, grade, on_precious_list, acidity_band, n)
  select d.province_code, coalesce(d.damage_level, ''), coalesce(left(d.grade, 2), ''), d.on_precious_list,
         coalesce(d.acidity_band, ''), sum(d.delta)
  from (${deltas(cols, op)}) d
  group by 1, 2, 3, 4, 5 having sum(d.delta) <> 0 order by 1, 2, 3, 4, 5
  on conflict (province_code, damage_level, grade, on_precious_list, acidity_band) do update set n = c.n + excluded.n;
  return null;
end $$;`;
}

function trigger(table: string, fn: string, op: 'insert' | 'update' | 'delete'): string {
  const referencing =
    op === 'insert'
      ? 'new table as new_rows'
      : op === 'delete'
        ? 'old table as old_rows'
        : 'new table as new_rows old table as old_rows';
  return `create trigger "${fn}_${op}" after ${op} on "${table}" referencing ${referencing} for each statement execute function ${fn}_${op}();`;
}

const OPS = ['insert', 'update', 'delete'] as const;

export class Migration20261123181128_statistics_summary extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "statistics_count" ("province_code" varchar(6) not null, "institution_id" uuid not null, "dimension" varchar(16) not null, "value" varchar(32) not null, "n" bigint not null default 0, constraint "statistics_count_pkey" primary key ("province_code", "institution_id", "dimension", "value"));`,
    );

    this.addSql(
      `create table "triage_count" ("province_code" varchar(6) not null, "damage_level" varchar(8) not null, "grade" varchar(2) not null, "on_precious_list" boolean not null, "acidity_band" varchar(24) not null, "n" bigint not null default 0, constraint "triage_count_pkey" primary key ("province_code", "damage_level", "grade", "on_precious_list", "acidity_band"));`,
    );

    // Backfill from the rows already there, then keep up from now on.
    this.addSql(`insert into statistics_count (province_code, institution_id, dimension, value, n)
      select d.province_code, d.institution_id, v.dimension, v.value, count(*)
      from census_record d cross join lateral ${RECORD_DIMENSIONS} group by 1, 2, 3, 4;`);
    this.addSql(`insert into statistics_count (province_code, institution_id, dimension, value, n)
      select province_code, institution_id, 'acidity', coalesce(acidity_band, ''), count(*)
      from record_triage_state group by 1, 2, 3, 4;`);
    this
      .addSql(`insert into triage_count (province_code, damage_level, grade, on_precious_list, acidity_band, n)
      select province_code, coalesce(damage_level, ''), coalesce(left(grade, 2), ''), on_precious_list,
             coalesce(acidity_band, ''), count(*)
      from record_triage_state group by 1, 2, 3, 4, 5;`);
    for (const op of OPS) {
      this.addSql(recordFunction(op));
      this.addSql(trigger('census_record', 'statistics_count_record', op));
      this.addSql(triageFunction(op));
      this.addSql(trigger('record_triage_state', 'triage_count', op));
    }
  }

  override async down(): Promise<void> {
    for (const op of OPS) {
      this.addSql(`drop trigger if exists "statistics_count_record_${op}" on "census_record";`);
      this.addSql(`drop function if exists statistics_count_record_${op}();`);
      this.addSql(`drop trigger if exists "triage_count_${op}" on "record_triage_state";`);
      this.addSql(`drop function if exists triage_count_${op}();`);
    }
    this.addSql(`drop table if exists "statistics_count" cascade;`);

    this.addSql(`drop table if exists "triage_count" cascade;`);
  }
}

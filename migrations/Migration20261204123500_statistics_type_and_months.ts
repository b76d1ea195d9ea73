import { Migration } from '@mikro-orm/migrations';

// Statistics by record type and over time. The census_record triggers of statistics_summary now also
// count the record type, the month each record was registered and the month each public record was
// published (Beijing time: the census's months), and count 古籍级别 only for 古籍 — a 民国 record has
// no 古籍级别 and must not appear as "not filled in". Same statement-level upsert as before.

const RECORD_DIMENSIONS = `(values
    ('grade', case when d.type = 'guji' then left(coalesce(d.grade, ''), 32) end),
    ('damage', left(coalesce(d.damage_grade, ''), 32)),
    ('status', d.status::text),
    ('tier', coalesce(d.tier::text, '')),
    ('type', d.type::text),
    ('created', to_char(d.created_at at time zone 'Asia/Shanghai', 'YYYY-MM')),
    ('published', case when d.status = 'published' and d.published_at is not null
                       then to_char(d.published_at at time zone 'Asia/Shanghai', 'YYYY-MM') end)
  ) v(dimension, value)`;

const COLUMNS =
  'province_code, institution_id, grade, damage_grade, status, tier, type, created_at, published_at';

function deltas(op: 'insert' | 'update' | 'delete'): string {
  const plus = `select ${COLUMNS}, 1 as delta from new_rows`;
  const minus = `select ${COLUMNS}, -1 as delta from old_rows`;
  return op === 'insert' ? plus : op === 'delete' ? minus : `${plus} union all ${minus}`;
}

function recordFunction(op: 'insert' | 'update' | 'delete'): string {
  return `create or replace function statistics_count_record_${op}() returns trigger language plpgsql as $$
begin
  insert into statistics_count as s (province_code, institution_id, dimension, value, n)
  select d.province_code, d.institution_id, v.dimension, v.value, sum(d.delta)
  from (${deltas(op)}) d
  cross join lateral ${RECORD_DIMENSIONS}
  where v.value is not null
  group by 1, 2, 3, 4 having sum(d.delta) <> 0 order by 1, 2, 3, 4
  on conflict (province_code, institution_id, dimension, value) do update set n = s.n + excluded.n;
  return null;
end $$;`;
}

export class Migration20261204123500_statistics_type_and_months extends Migration {
  override async up(): Promise<void> {
    for (const op of ['insert', 'update', 'delete'] as const) this.addSql(recordFunction(op));
    // Recount the record dimensions from the rows there now (acidity comes from triage and stays).
    this.addSql(`delete from statistics_count where dimension in ('grade', 'damage', 'status', 'tier');`);
    this.addSql(`insert into statistics_count (province_code, institution_id, dimension, value, n)
      select d.province_code, d.institution_id, v.dimension, v.value, count(*)
      from census_record d cross join lateral ${RECORD_DIMENSIONS}
      where v.value is not null group by 1, 2, 3, 4;`);
  }

  override async down(): Promise<void> {
    // The previous functions: every record counted for grade, no type or month dimensions.
    const old = RECORD_DIMENSIONS.replace(
      /\('grade', case when d\.type = 'guji' then (.*?) end\)/,
      "('grade', $1)",
    );
    for (const op of ['insert', 'update', 'delete'] as const) {
      this.addSql(recordFunction(op).replace(RECORD_DIMENSIONS, old));
    }
    this.addSql(`delete from statistics_count where dimension in ('grade', 'type', 'created', 'published');`);
    this.addSql(`insert into statistics_count (province_code, institution_id, dimension, value, n)
      select province_code, institution_id, 'grade', left(coalesce(grade, ''), 32), count(*)
      from census_record group by 1, 2, 3, 4;`);
  }
}

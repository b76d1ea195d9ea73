// SQL of the statistics pages. Everything reads the trigger-maintained statistics_count (a few dozen
// rows per institution), never the million census rows.

import type { EntityManager, Knex } from '@mikro-orm/postgresql';
import type { CensusScope } from '../triage/triage-scope.rules.js';
import type { StatisticsDimension } from './statistics-count.entity.js';

/** One summed count: per institution for completion (status, tier), else for the whole scope. */
export interface CountRow {
  dimension: StatisticsDimension;
  value: string;
  province_code: string | null;
  institution_id: string | null;
  n: string;
}

function within(b: Knex.QueryBuilder, s: CensusScope): Knex.QueryBuilder {
  if (s.institutionId) b.where('c.institution_id', s.institutionId);
  else if (s.provinceCode) b.where('c.province_code', s.provinceCode);
  return b;
}

/** The non-zero counts of every dimension within the scope. */
export async function scopeCounts(em: EntityManager, s: CensusScope): Promise<CountRow[]> {
  const knex = em.getKnex();
  return (await within(
    knex('statistics_count as c')
      .select(
        'c.dimension',
        'c.value',
        // Only completion (status, tier) is shown per institution: the other dimensions are summed in
        // the database, so the nation returns a few thousand rows rather than one per institution each.
        knex.raw(`case when c.dimension in ('status', 'tier') then c.province_code end as province_code`),
        knex.raw(`case when c.dimension in ('status', 'tier') then c.institution_id end as institution_id`),
        knex.raw('sum(c.n) as n'),
      )
      .where('c.n', '>', 0)
      .groupByRaw('1, 2, 3, 4'),
    s,
  )) as CountRow[];
}

// Every record has exactly one type, so the type counts are the record counts.
function recordCounts(em: EntityManager) {
  return em.getKnex()('statistics_count as c').where('c.dimension', 'type').where('c.n', '>', 0);
}

/** Records per province code (provinces without records are absent). */
export async function recordsPerProvince(em: EntityManager): Promise<Map<string, number>> {
  const rows = (await recordCounts(em)
    .select('c.province_code as code', em.getKnex().raw('sum(c.n) as n'))
    .groupBy('c.province_code')) as Array<{ code: string; n: string }>;
  return new Map(rows.map((r) => [r.code, Number(r.n)]));
}

/** The institutions of a province that hold records, by name, each with its record count. */
export async function recordsPerInstitution(
  em: EntityManager,
  provinceCode: string,
): Promise<Array<{ id: string; name: string; count: number }>> {
  const rows = (await recordCounts(em)
    .join('institution as i', 'i.id', 'c.institution_id')
    .where('c.province_code', provinceCode)
    .select('i.id', 'i.name', em.getKnex().raw('sum(c.n) as n'))
    .groupBy('i.id', 'i.name')
    .orderBy('i.name')) as Array<{ id: string; name: string; n: string }>;
  return rows.map((r) => ({ id: r.id, name: r.name, count: Number(r.n) }));
}

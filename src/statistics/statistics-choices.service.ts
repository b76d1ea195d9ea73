// The provinces and institutions a statistics reader may narrow to, each with its record count (from
// the trigger-maintained statistics_count, like the numbers themselves).
import type { Context } from '../kernel/context.js';
import { requireActor } from '../kernel/context.js';
import { PROVINCES } from '../institutions/provinces.data.js';
import type { CensusScope } from '../triage/triage-scope.rules.js';
import { statisticsChoiceRights } from './statistics-choices.rules.js';

export async function statisticsChoices(scope: Context, s: CensusScope) {
  const rights = statisticsChoiceRights(requireActor(scope));
  const knex = scope.em.getKnex();
  const counted = () => knex('statistics_count as c').where('c.dimension', 'type').where('c.n', '>', 0);
  let provinces = null;
  if (rights.provinces) {
    const rows = (await counted()
      .select('c.province_code as code', knex.raw('sum(c.n) as n'))
      .groupBy('c.province_code')) as Array<{ code: string; n: string }>;
    const counts = new Map(rows.map((r) => [r.code, Number(r.n)]));
    provinces = PROVINCES.filter((p) => counts.has(p.code)).map((p) => ({
      code: p.code,
      label: { zh: p.nameZh, en: p.nameEn },
      count: counts.get(p.code)!,
    }));
  }
  let institutions = null;
  if (rights.institutions && s.provinceCode) {
    const rows = (await counted()
      .join('institution as i', 'i.id', 'c.institution_id')
      .where('c.province_code', s.provinceCode)
      .select('i.id', 'i.name', knex.raw('sum(c.n) as n'))
      .groupBy('i.id', 'i.name')
      .orderBy('i.name')) as Array<{ id: string; name: string; n: string }>;
    institutions = rows.map((r) => ({ id: r.id, name: r.name, count: Number(r.n) }));
  }
  return { provinces, institutions };
}

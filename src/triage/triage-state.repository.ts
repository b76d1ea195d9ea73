import type { EntityManager } from '@mikro-orm/postgresql';
import type { TriageWeights } from './triage.rules.js';
import { acidityBandSql, triageScoreSql } from './triage-score.sql.js';
import { readTriageWeights } from './triage-weights.repository.js';

// The record's lowest pH: from the newest assessment that measured pH, else from pH readings catalogued
// in the record body (民国 records often carry them).
const LOWEST_PH = `coalesce(
  (select c.lowest_ph from condition_assessment c
    where c.record_id = r.id and c.lowest_ph is not null
    order by c.assessed_on desc, c.created_at desc limit 1),
  (select min((x->>'value')::numeric) from jsonb_array_elements(
    case when jsonb_typeof(r.body->'phReadings') = 'array' then r.body->'phReadings' else '[]'::jsonb end) x))`;

function upsertSql(weights: TriageWeights, where: string): string {
  const score = triageScoreSql(weights, {
    damageLevel: 's.damage_level',
    grade: 's.grade',
    onPreciousList: 's.on_precious_list',
    acidityBand: 's.acidity_band',
  });
  return `
insert into record_triage_state
  (record_id, institution_id, province_code, damage_level, grade, on_precious_list, lowest_ph, acidity_band, score, updated_at)
select s.record_id, s.institution_id, s.province_code, s.damage_level, s.grade, s.on_precious_list,
       s.lowest_ph, s.acidity_band, ${score}, now()
from (
  select p.*, ${acidityBandSql('p.lowest_ph')} as acidity_band from (
    select r.id as record_id, r.institution_id, r.province_code, r.damage_grade as damage_level, r.grade,
           r.precious_list_number is not null as on_precious_list, ${LOWEST_PH} as lowest_ph
    from census_record r ${where}
  ) p
) s
on conflict (record_id) do update set
  institution_id = excluded.institution_id, province_code = excluded.province_code,
  damage_level = excluded.damage_level, grade = excluded.grade,
  on_precious_list = excluded.on_precious_list, lowest_ph = excluded.lowest_ph,
  acidity_band = excluded.acidity_band, score = excluded.score, updated_at = excluded.updated_at`;
}

/** Recomputes one record's triage row, inside the caller's transaction. */
export async function refreshTriageState(
  em: EntityManager,
  recordId: string,
  weights: TriageWeights,
): Promise<void> {
  await em.execute(upsertSql(weights, 'where r.id = ?'), [recordId]);
}

/**
 * Recomputes the triage rows of the given records with the weights in force, inside the caller's
 * transaction: one set-based statement, so a whole import batch costs one round trip.
 */
export async function refreshTriageStates(em: EntityManager, recordIds: readonly string[]): Promise<void> {
  if (!recordIds.length) return;
  const weights = await readTriageWeights(em);
  await em.execute(upsertSql(weights, 'where r.id in (?)'), [[...recordIds]]);
}

/** Recomputes every record's triage row (after the weights change, or to pick up imported records). */
export async function rebuildTriageState(em: EntityManager, weights: TriageWeights): Promise<number> {
  const res = await em.execute<{ affectedRows?: number; rowCount?: number }>(
    upsertSql(weights, ''),
    [],
    'run',
  );
  return Number(res.affectedRows ?? res.rowCount ?? 0);
}

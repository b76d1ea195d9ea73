import type { EntityManager } from '@mikro-orm/postgresql';
import { DamageRuleSetVersionSchema } from './damage-rule-set.entity.js';
import { DEFAULT_DAMAGE_RULESET, type DamageRuleSet } from './damage-ruleset.rules.js';
import type { AssessmentInput } from './damage-level.rules.js';

/** The active rule set: the highest published version (version 1, the default, is seeded by the migration). */
export async function activeRuleSet(em: EntityManager): Promise<DamageRuleSet> {
  const [latest] = await em.find(DamageRuleSetVersionSchema, {}, { orderBy: { version: 'desc' }, limit: 1 });
  // Only an unmigrated database lacks version 1; the shipped default is then what version 1 means.
  return latest ? { ...latest.definition, version: latest.version } : DEFAULT_DAMAGE_RULESET;
}

/** Serialises publishers in the calling transaction, so two cannot both take the same next version. */
export async function lockRuleSetPublishing(em: EntityManager): Promise<void> {
  await em.execute('select pg_advisory_xact_lock(hashtext(?))', ['damage_rule_set']);
}

/** A record's newest assessment, as a rule-set preview recomputes it. */
export interface NewestAssessmentRow {
  record_id: string;
  observations: AssessmentInput['observations'];
  ph_readings: Array<{ value: number }>;
  total_leaves: number | null;
  computed_level: string;
}

/** The newest assessment of each of the next `limit` assessed records after `after` (keyset by record id). */
export function newestAssessmentsAfter(
  em: EntityManager,
  after: string,
  limit: number,
): Promise<NewestAssessmentRow[]> {
  return em.execute<NewestAssessmentRow[]>(
    `select distinct on (record_id) record_id, observations, ph_readings, total_leaves, computed_level
       from condition_assessment where record_id > ?
      order by record_id, assessed_on desc, created_at desc limit ?`,
    [after, limit],
  );
}

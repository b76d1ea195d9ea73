import type { EntityManager } from '@mikro-orm/postgresql';
import { readSetting } from '../settings/settings.service.js';
import { DEFAULT_TRIAGE_WEIGHTS, validateTriageWeights, type TriageWeights } from './triage.rules.js';

export const TRIAGE_WEIGHTS_KEY = 'triage.weights';

/** The ranking weights in force (the `triage.weights` setting, seeded by the migration). */
export async function readTriageWeights(em: EntityManager): Promise<TriageWeights> {
  const stored = await readSetting<unknown>(em, TRIAGE_WEIGHTS_KEY, DEFAULT_TRIAGE_WEIGHTS);
  // A hand-edited row that no longer validates must not break every assessment save.
  return validateTriageWeights(stored).length ? DEFAULT_TRIAGE_WEIGHTS : (stored as TriageWeights);
}

import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/**
 * Triage rows counted per province and per combination of the facts the score is computed from
 * (damage level, grade's first two characters, 名录 membership, acidity band; '' = none). Since the
 * score is a function of these, an exact filtered total for a province or the nation is a sum over a
 * few thousand rows. Maintained by a statement-level trigger on record_triage_state.
 */
export const TriageCountSchema = defineEntity({
  name: 'TriageCount',
  tableName: 'triage_count',
  properties: {
    provinceCode: p.string().length(6).primary(),
    damageLevel: p.string().length(8).primary(),
    grade: p.string().length(2).primary(),
    onPreciousList: p.boolean().primary(),
    acidityBand: p.string().length(24).primary(),
    n: p.bigint('number').default(0),
  },
});
export type TriageCount = InferEntity<typeof TriageCountSchema>;

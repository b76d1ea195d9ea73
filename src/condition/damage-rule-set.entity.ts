import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import type { DamageRuleSet } from './damage-ruleset.rules.js';

/** A published version of the damage-level rule set; the highest version is active. Never changed once published. */
export const DamageRuleSetVersionSchema = defineEntity({
  name: 'DamageRuleSetVersion',
  tableName: 'damage_rule_set',
  properties: {
    version: p.integer().primary().autoincrement(false),
    definition: p.json<DamageRuleSet>(),
    note: p.text().nullable(),
    publishedBy: p.uuid().nullable(),
    publishedByEmail: p.string().length(254).nullable(),
    publishedAt: p.datetime().onCreate(() => new Date()),
  },
});
export type DamageRuleSetVersion = InferEntity<typeof DamageRuleSetVersionSchema>;

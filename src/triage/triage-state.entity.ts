import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/**
 * The current rescue-priority facts of a record, kept beside census_record so the triage list and the
 * statistics read one narrow indexed table instead of scanning assessment history. Rows are refreshed
 * when an assessment is saved and rebuilt when the ranking weights change.
 */
export const TriageStateSchema = defineEntity({
  name: 'TriageState',
  tableName: 'record_triage_state',
  indexes: [
    {
      name: 'record_triage_state_score_index',
      expression:
        'create index "record_triage_state_score_index" on "record_triage_state" ("score" desc, "record_id")',
    },
    {
      name: 'record_triage_state_institution_score_index',
      expression:
        'create index "record_triage_state_institution_score_index" on "record_triage_state" ("institution_id", "score" desc, "record_id")',
    },
    {
      name: 'record_triage_state_province_score_index',
      expression:
        'create index "record_triage_state_province_score_index" on "record_triage_state" ("province_code", "score" desc, "record_id")',
    },
  ],
  properties: {
    recordId: p.uuid().primary(),
    institutionId: p.uuid(),
    provinceCode: p.string().length(6),
    damageLevel: p.string().length(8).nullable(),
    grade: p.string().length(16).nullable(),
    onPreciousList: p.boolean(),
    lowestPh: p.decimal('number').precision(4).scale(2).nullable(),
    acidityBand: p.string().length(24).nullable(),
    score: p.integer(),
    updatedAt: p.datetime(),
  },
});
export type TriageState = InferEntity<typeof TriageStateSchema>;

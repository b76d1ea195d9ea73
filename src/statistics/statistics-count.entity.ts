import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/**
 * The dimensions counted per institution; `value` '' stands for "not filled in". `grade` counts 古籍
 * only; `created` and `published` count records by month (YYYY-MM, Beijing time) of registration
 * and of publication (while public).
 */
export const STATISTICS_DIMENSIONS = [
  'grade',
  'damage',
  'status',
  'tier',
  'acidity',
  'type',
  'created',
  'published',
] as const;
export type StatisticsDimension = (typeof STATISTICS_DIMENSIONS)[number];

/**
 * Record counts per institution and value of one dimension (grade label, damage level, status, tier,
 * acidity band). Maintained by statement-level triggers on census_record and record_triage_state (see
 * the statistics_summary migration), so every writer — services, imports, bulk SQL — keeps it exact in
 * its own transaction, and national statistics sum tens of thousands of rows instead of a million.
 */
export const StatisticsCountSchema = defineEntity({
  name: 'StatisticsCount',
  tableName: 'statistics_count',
  properties: {
    provinceCode: p.string().length(6).primary(),
    institutionId: p.uuid().primary(),
    dimension: p.string().length(16).primary(),
    value: p.string().length(32).primary(),
    n: p.bigint('number').default(0),
  },
});
export type StatisticsCount = InferEntity<typeof StatisticsCountSchema>;

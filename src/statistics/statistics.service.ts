import type { StatisticsQuery } from '../triage/triage.schemas.js';
import { requestScope } from '../triage/scope.service.js';
import type { CensusScope } from '../triage/triage-scope.rules.js';
import { parseGradeLabel } from '../domain/grade.rules.js';
import type { Context } from '../kernel/context.js';
import type { StatisticsDimension } from './statistics-count.entity.js';
import {
  acidityLabel,
  ACIDITY_ORDER,
  damageLabel,
  DAMAGE_ORDER,
  gradeLabel,
  GRADE_ORDER,
  inOrder,
  RANK_ORDER,
  rankLabel,
  STATUS_ORDER,
  statusLabel,
  TIER_ORDER,
  tierLabel,
  typeLabel,
  TYPE_ORDER,
} from './statistics-order.rules.js';
import { PROVINCES } from '../institutions/provinces.data.js';
import { statisticsChoices } from './statistics-choices.service.js';
import { scopeCounts, type CountRow } from './statistics.repository.js';
import { institutionNames } from '../institutions/institution-names.repository.js';

const LEVEL_LABELS = {
  nation: { zh: '全国', en: 'Nationwide' },
  province: { zh: '省', en: 'Province' },
  institution: { zh: '收藏单位', en: 'Institution' },
} as const;

function provinceLabel(code: string) {
  const province = PROVINCES.find((p) => p.code === code);
  return province ? { zh: province.nameZh, en: province.nameEn } : { zh: code, en: code };
}

/** A per-institution count map as a list in the vocabulary's order, each with its label. */
function listed<K extends string>(
  counts: Record<string, number>,
  key: K,
  order: readonly string[],
  label: (value: string) => { zh: string; en: string },
) {
  return inOrder(
    Object.entries(counts).map(([value, count]) => ({ value, count })),
    (r) => r.value,
    order,
  ).map(
    (r) =>
      ({ [key]: r.value, label: label(r.value), count: r.count }) as Record<K, string> & {
        label: { zh: string; en: string };
        count: number;
      },
  );
}

/** What the numbers cover, as the page titles it: 全国, a province's name or an institution's name. */
function scopeLabel(s: CensusScope, institutionNames: Map<string, string>) {
  if (s.institutionId) {
    const name = institutionNames.get(s.institutionId) ?? s.institutionId;
    return { zh: name, en: name };
  }
  const province = PROVINCES.find((p) => p.code === s.provinceCode);
  return province ? { zh: province.nameZh, en: province.nameEn } : { zh: '全国', en: 'Nationwide' };
}

/** Sums the rows of one dimension by value ('' is "not filled in", presented as null). */
function sumBy(rows: CountRow[], dimension: StatisticsDimension) {
  const sums = new Map<string, number>();
  for (const r of rows)
    if (r.dimension === dimension) sums.set(r.value, (sums.get(r.value) ?? 0) + Number(r.n));
  return [...sums].map(([value, n]) => ({ value: value === '' ? null : value, count: n }));
}

/**
 * Counts by grade, 等次, damage level and acidity band, and census completion per institution (records by
 * status and tier), for the nation, a province or an institution. Reads the trigger-maintained
 * statistics_count (a few dozen rows per institution), never the million census rows.
 */
export async function statistics(scope: Context, q: StatisticsQuery) {
  const s = await requestScope(scope, q);
  const rows = await scopeCounts(scope.em, s);
  const byStatus = rows.filter((r) => r.dimension === 'status');
  const count = (dimension: StatisticsDimension) => sumBy(rows, dimension);

  const byGradeLabel = count('grade');
  // Every record has a type; only 古籍 have a 古籍级别 (民国 records are not "not filled in").
  const byType = count('type');
  const total = byType.reduce((sum, g) => sum + g.count, 0);
  const gradeTotals = new Map<string, number>();
  const rankTotals = new Map<string, number>();
  for (const g of byGradeLabel) {
    const parsed = g.value ? parseGradeLabel(g.value) : undefined;
    const grade = parsed?.ok ? parsed.grade : g.value === null ? '未填' : '其他';
    gradeTotals.set(grade, (gradeTotals.get(grade) ?? 0) + g.count);
    if (parsed?.ok && parsed.rank) {
      const key = `${parsed.grade}${parsed.rank}等`;
      rankTotals.set(key, (rankTotals.get(key) ?? 0) + g.count);
    }
  }
  const institutions = new Map<
    string,
    { byStatus: Record<string, number>; byTier: Record<string, number> }
  >();
  const inst = (id: string) => {
    let e = institutions.get(id);
    if (!e) institutions.set(id, (e = { byStatus: {}, byTier: {} }));
    return e;
  };
  for (const r of rows) {
    if (!r.institution_id) continue;
    if (r.dimension === 'status') inst(r.institution_id).byStatus[r.value] = Number(r.n);
    if (r.dimension === 'tier') inst(r.institution_id).byTier[r.value] = Number(r.n);
  }
  // The institutions in the completion table and the one the scope names, if any.
  const nameOf = await institutionNames(scope.em, [...institutions.keys(), s.institutionId ?? null]);
  const acidity = count('acidity').filter((a) => a.value !== null);
  const measured = acidity.reduce((sum, a) => sum + a.count, 0);
  const provinces = new Map<string, number>();
  for (const { province_code: code, n } of byStatus)
    if (code) provinces.set(code, (provinces.get(code) ?? 0) + Number(n));

  const months = (dimension: StatisticsDimension) =>
    new Map(count(dimension).map((m) => [m.value ?? '', m.count]));
  const created = months('created');
  const published = months('published');
  const allMonths = [...new Set([...created.keys(), ...published.keys()])].filter((m) => m).sort();
  const statusTotals = count('status');

  return {
    scope: { ...s, levelLabel: LEVEL_LABELS[s.level], label: scopeLabel(s, nameOf) },
    total,
    byType: inOrder(byType, (t) => t.value, TYPE_ORDER).map((t) => ({
      type: t.value,
      label: typeLabel(t.value ?? ''),
      count: t.count,
    })),
    byStatus: inOrder(statusTotals, (r) => r.value, STATUS_ORDER).map((r) => ({
      status: r.value,
      label: statusLabel(r.value ?? ''),
      count: r.count,
    })),
    byTier: inOrder(count('tier'), (r) => r.value, TIER_ORDER).map((r) => ({
      tier: r.value,
      label: tierLabel(r.value),
      count: r.count,
    })),
    byGrade: inOrder(
      [...gradeTotals].map(([grade, n]) => ({ grade, count: n })),
      (g) => g.grade,
      GRADE_ORDER,
    ).map((g) => ({ ...g, label: gradeLabel(g.grade) })),
    byRank: inOrder(
      [...rankTotals].map(([rank, n]) => ({ rank, count: n })),
      (r) => r.rank,
      RANK_ORDER,
    ).map((r) => ({ ...r, label: rankLabel(r.rank) })),
    byGradeLabel: byGradeLabel.map((g) => ({ label: g.value, count: g.count })),
    byDamageLevel: inOrder(count('damage'), (d) => d.value, DAMAGE_ORDER).map((d) => ({
      level: d.value,
      label: damageLabel(d.value),
      count: d.count,
    })),
    byAcidityBand: [
      ...inOrder(acidity, (a) => a.value, ACIDITY_ORDER).map((a) => ({
        band: a.value,
        label: acidityLabel(a.value),
        count: a.count,
      })),
      { band: null, label: acidityLabel(null), count: total - measured },
    ],
    byProvince: [...provinces]
      .map(([provinceCode, n]) => ({ provinceCode, label: provinceLabel(provinceCode), count: n }))
      .sort((a, b) => a.provinceCode.localeCompare(b.provinceCode)),
    // Records registered and made public per month (Beijing time), oldest first.
    trend: allMonths.map((month) => ({
      month,
      registered: created.get(month) ?? 0,
      published: published.get(month) ?? 0,
    })),
    completion: [...institutions]
      .map(([id, c]) => ({
        institutionId: id,
        institutionName: nameOf.get(id) ?? null,
        total: Object.values(c.byStatus).reduce((a, b) => a + b, 0),
        ...c,
        statuses: listed(c.byStatus, 'status', STATUS_ORDER, statusLabel),
        tiers: listed(c.byTier, 'tier', TIER_ORDER, tierLabel),
      }))
      .sort((a, b) => b.total - a.total),
    choices: await statisticsChoices(scope, s),
  };
}

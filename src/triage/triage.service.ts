import type { Knex } from '@mikro-orm/postgresql';
import type { TriageQuery } from './triage.schemas.js';
import { explainTriageScore, type TriageWeights } from './triage.rules.js';
import { readTriageWeights } from './triage-weights.repository.js';
import { triageScoreSql } from './triage-score.sql.js';
import { requestScope } from './scope.service.js';
import type { CensusScope } from './triage-scope.rules.js';
import { presentAcidity } from '../domain/condition-labels.rules.js';
import type { AcidityBandCode } from '../domain/damage.rules.js';
import type { Context } from '../kernel/context.js';
import { csvText } from '../csv/csv-writer.js';
import { requireActor } from '../kernel/context.js';
import {
  ACIDITY_BAND_OPTIONS,
  CONDITION_LEVEL_OPTIONS,
  damageLevelLabel,
  GRADE_OPTIONS,
  gradeLabel,
} from '../domain/condition-labels.rules.js';
import { InstitutionSchema } from '../institutions/institution.entity.js';
import { PROVINCES } from '../institutions/provinces.data.js';
import { mayRaiseWorkOrders } from '../domain/permissions.rules.js';

interface TriageRow {
  census_number: string;
  title: string;
  call_number: string;
  type: string;
  status: string;
  institution_id: string;
  institution_name: string;
  province_code: string;
  damage_level: string | null;
  grade: string | null;
  on_precious_list: boolean;
  precious_list_number: string | null;
  lowest_ph: string | number | null;
  acidity_band: AcidityBandCode | null;
  score: number;
}

function filtered(knex: Knex, s: CensusScope, q: TriageQuery): Knex.QueryBuilder {
  const b = knex('record_triage_state as t').where('t.score', '>', q.minScore ?? 0);
  if (s.institutionId) b.where('t.institution_id', s.institutionId);
  else if (s.provinceCode) b.where('t.province_code', s.provinceCode);
  if (q.damageLevel) b.where('t.damage_level', q.damageLevel);
  if (q.grade) b.whereRaw('left(t.grade, 2) = ?', [q.grade.slice(0, 2)]);
  if (q.preciousOnly === 'true') b.where('t.on_precious_list', true);
  if (q.acidityBand) b.where('t.acidity_band', q.acidityBand);
  return b;
}

/**
 * The exact number of listed records. An institution counts its own (narrow, indexed) rows; a province
 * or the nation sums the trigger-maintained triage_count, whose columns determine the score, so the
 * same filters and minimum score apply to a few thousand rows instead of a million.
 */
async function totalOf(knex: Knex, s: CensusScope, q: TriageQuery, weights: TriageWeights) {
  if (s.institutionId) {
    const [row] = (await filtered(knex, s, q).count({ n: '*' })) as Array<{ n: string }>;
    return Number(row?.n ?? 0);
  }
  const score = triageScoreSql(weights, {
    damageLevel: 'c.damage_level',
    grade: 'c.grade',
    onPreciousList: 'c.on_precious_list',
    acidityBand: 'c.acidity_band',
  });
  const b = knex('triage_count as c').whereRaw(`${score} > ?`, [q.minScore ?? 0]);
  if (s.provinceCode) b.where('c.province_code', s.provinceCode);
  if (q.damageLevel) b.where('c.damage_level', q.damageLevel);
  if (q.grade) b.where('c.grade', q.grade.slice(0, 2));
  if (q.preciousOnly === 'true') b.where('c.on_precious_list', true);
  if (q.acidityBand) b.where('c.acidity_band', q.acidityBand);
  const [row] = (await b.sum({ n: 'c.n' })) as Array<{ n: string | null }>;
  return Number(row?.n ?? 0);
}

function present(r: TriageRow, weights: TriageWeights, rank: number) {
  const explained = explainTriageScore(weights, {
    damageLevel: r.damage_level,
    grade: r.grade,
    onPreciousList: r.on_precious_list,
    acidityBand: r.acidity_band,
  });
  return {
    rank,
    censusNumber: r.census_number,
    title: r.title,
    callNumber: r.call_number,
    type: r.type,
    status: r.status,
    institutionId: r.institution_id,
    institutionName: r.institution_name,
    provinceCode: r.province_code,
    damageLevel: r.damage_level,
    damageLevelLabel: r.damage_level ? damageLevelLabel(r.damage_level) : null,
    grade: r.grade,
    gradeLabel: r.grade ? gradeLabel(r.grade) : null,
    preciousListNumber: r.precious_list_number,
    acidity: presentAcidity(r.lowest_ph === null ? null : Number(r.lowest_ph)),
    score: r.score,
    scoreParts: explained.parts,
    explanationZh: explained.explanationZh,
    explanationEn: explained.explanationEn,
  };
}

async function page(scope: Context, q: TriageQuery, s: CensusScope) {
  const knex = scope.em.getKnex();
  // Rank on the narrow triage table alone, then join the wide record rows for the one page only:
  // deep pages would otherwise fetch every skipped record.
  const ranked = filtered(knex, s, q)
    .select('t.*')
    .orderBy([{ column: 't.score', order: 'desc' }, { column: 't.record_id' }])
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .as('t');
  const rows = (await knex
    .from(ranked)
    .join('census_record as r', 'r.id', 't.record_id')
    .join('institution as i', 'i.id', 't.institution_id')
    .select(
      'r.census_number',
      'r.title',
      'r.call_number',
      'r.type',
      'r.status',
      't.institution_id',
      'i.name as institution_name',
      't.province_code',
      't.damage_level',
      't.grade',
      't.on_precious_list',
      'r.precious_list_number',
      't.lowest_ph',
      't.acidity_band',
      't.score',
    )
    .orderBy([{ column: 't.score', order: 'desc' }, { column: 't.record_id' }])) as TriageRow[];
  return rows;
}

/** The ranked rescue list of a scope, each score explained; {items, total}. */
export async function listTriage(scope: Context, q: TriageQuery) {
  const s = await requestScope(scope, q);
  const weights = await readTriageWeights(scope.em);
  const [rows, total] = await Promise.all([page(scope, q, s), totalOf(scope.em.getKnex(), s, q, weights)]);
  const offset = (q.page - 1) * q.pageSize;
  return {
    scope: s,
    scopeLabel: await scopeLabel(scope, s),
    weights,
    items: rows.map((r, i) => present(r, weights, offset + i + 1)),
    total,
    page: q.page,
    pageSize: q.pageSize,
    /** The filters' choices, labelled (the page lists no values of its own). */
    filters: {
      damageLevel: CONDITION_LEVEL_OPTIONS,
      grade: GRADE_OPTIONS,
      acidityBand: ACIDITY_BAND_OPTIONS,
    },
    /** Whether each row may lead to raising a work order for it. */
    abilities: { raiseWorkOrder: mayRaiseWorkOrders(requireActor(scope)) },
  };
}

/** The part of the census the list covers, in words: the institution, the province, or the nation. */
async function scopeLabel(scope: Context, s: CensusScope): Promise<{ zh: string; en: string }> {
  if (s.institutionId) {
    const inst = await scope.em.findOne(InstitutionSchema, { id: s.institutionId });
    const name = inst?.name ?? '';
    return { zh: `收藏单位：${name}`, en: `Institution: ${name}` };
  }
  if (s.provinceCode) {
    const p = PROVINCES.find((x) => x.code === s.provinceCode);
    return { zh: `省份：${p?.nameZh ?? s.provinceCode}`, en: `Province: ${p?.nameEn ?? s.provinceCode}` };
  }
  return { zh: '全国', en: 'Nationwide' };
}

const CSV_LIMIT = 50_000;

/** The ranked list as CSV (first 50,000 rows), for planning work orders outside the system. */
export async function exportTriageCsv(scope: Context, q: TriageQuery): Promise<string> {
  const s = await requestScope(scope, q);
  const weights = await readTriageWeights(scope.em);
  const rows = await page(scope, { ...q, page: 1, pageSize: CSV_LIMIT }, s);
  const header = [
    '排名 rank',
    '普查编号 census number',
    '索书号 call number',
    '题名 title',
    '收藏单位 institution',
    '破损级别 damage level',
    '古籍级别 grade',
    '名录号 precious list',
    '最低 pH lowest pH',
    '酸化 acidity',
    '分值 score',
    '说明 explanation',
  ];
  const body = rows.map((r, i) => {
    const p = present(r, weights, i + 1);
    return [
      p.rank,
      p.censusNumber,
      p.callNumber,
      p.title,
      p.institutionName,
      p.damageLevel ?? '',
      p.grade ?? '',
      p.preciousListNumber ?? '',
      p.acidity?.lowestPh ?? '',
      p.acidity?.labelZh ?? '',
      p.score,
      `${p.explanationZh} / ${p.explanationEn}`,
    ];
  });
  // The shared CSV writer: a BOM for the Chinese text, and titles that cannot run as formulas.
  return csvText(header, body);
}

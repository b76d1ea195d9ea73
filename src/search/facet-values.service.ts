import type { EntityManager } from '@mikro-orm/postgresql';
import { loadCodeLists } from '../census/code-list.service.js';
import { institutionExists, provinceCodes } from './facet-values.repository.js';
import type { Caches } from '../kernel/caches.js';
import type { CodeListName } from '../domain/record.types.js';
import { foldTerm } from '../census/term-folding.rules.js';
import { DYNASTY_SPANS, ERA_TABLE } from '../census/dates/era-table.data.js';
import { GRADES, RANKED_GRADES, RANKS } from '../domain/grade.rules.js';
import { DAMAGE_LEVELS } from '../domain/damage.rules.js';
import { AppError, type ErrorDetail } from '../kernel/app-error.js';
import type { CatalogueSearchQuery, ListFacet } from './catalogue.schemas.js';

export type FacetFilters = Partial<Record<ListFacet, string>>;

const FACET_ZH: Record<ListFacet, string> = {
  province: '省份',
  institution: '收藏单位',
  documentType: '文献类型',
  classification: '分类',
  dynasty: '朝代',
  editionType: '版本类型',
  binding: '装帧形式',
  grade: '古籍级别',
  damageGrade: '破损级别',
};

const CODE_LIST_OF: Partial<Record<ListFacet, CodeListName[]>> = {
  documentType: ['document_type', 'minguo_document_type'],
  classification: ['classification'],
  editionType: ['edition_type'],
  binding: ['binding'],
};

const GRADE_LABELS = GRADES.flatMap((g) =>
  RANKED_GRADES.includes(g) ? [g, ...RANKS.map((r) => `${g}${r}等`)] : [g],
);
const DAMAGE_LABELS = [...DAMAGE_LEVELS, '完好', '未评估'];
const DYNASTIES = [...new Set([...DYNASTY_SPANS.map((d) => d.dynasty), ...ERA_TABLE.map((e) => e.dynasty)])];

async function allowedValues(em: EntityManager, facet: ListFacet, caches: Caches): Promise<string[]> {
  const lists = CODE_LIST_OF[facet];
  if (lists) {
    const all = await loadCodeLists(em, caches);
    return lists.flatMap((name) => all.get(name)?.values.map((v) => v.value) ?? []);
  }
  switch (facet) {
    case 'grade':
      return GRADE_LABELS;
    case 'damageGrade':
      return DAMAGE_LABELS;
    case 'dynasty':
      return DYNASTIES;
    case 'province':
      return provinceCodes(em);
    case 'institution':
      return [];
    default:
      return [];
  }
}

/**
 * Checks every facet filter against its list and returns the canonical values (traditional or
 * simplified spellings of a value are the same value: 綫裝 = 线装). Unknown values are a 400 that
 * lists what is allowed.
 */
export async function resolveFacetFilters(
  em: EntityManager,
  query: CatalogueSearchQuery,
  caches: Caches,
): Promise<FacetFilters> {
  const resolved: FacetFilters = {};
  const problems: ErrorDetail[] = [];
  for (const facet of Object.keys(FACET_ZH) as ListFacet[]) {
    const value = query[facet];
    if (value === undefined) continue;
    if (facet === 'institution') {
      if (await institutionExists(em, value)) resolved.institution = value.toLowerCase();
      else
        problems.push({
          path: facet,
          value,
          rule: 'unknown_facet_value',
          messageZh: `未知的收藏单位「${value}」：请使用检索结果分面中列出的收藏单位 id`,
          messageEn: `Unknown institution "${value}": use an institution id listed in the search facets`,
        });
      continue;
    }
    const allowed = await allowedValues(em, facet, caches);
    const key = foldTerm(value);
    const match = allowed.find((a) => foldTerm(a) === key);
    if (match) resolved[facet] = match;
    else
      problems.push({
        path: facet,
        value,
        rule: 'unknown_facet_value',
        messageZh: `${FACET_ZH[facet]}「${value}」不在允许的取值中：${allowed.join('、')}`,
        messageEn: `${facet} "${value}" is not an allowed value; allowed: ${allowed.join(', ')}`,
        allowed,
      } as ErrorDetail);
  }
  if (problems.length) {
    throw AppError.badRequest(
      'UNKNOWN_FACET_VALUE',
      problems.map((p) => p.messageZh).join('；'),
      problems.map((p) => p.messageEn).join('; '),
      problems,
    );
  }
  return resolved;
}

import type { EntityManager } from '@mikro-orm/postgresql';
import { AppError, type ErrorDetail } from '../kernel/app-error.js';
import { recordAudit } from '../audit/audit.service.js';
import type { DeepPartial } from '../kernel/validation.js';
import { requireActor, type Context } from '../kernel/context.js';
import { canManageNationalData } from '../domain/permissions.rules.js';
import { RestorationTermSchema, type RestorationTerm } from './restoration-vocabulary.entity.js';
import type { VocabularyKind, WorkOrderMaterials, WorkOrderPlan } from './work-order.schemas.js';

const KIND_ZH: Record<VocabularyKind, string> = {
  technique: '修复技法',
  repair_paper: '补纸',
  paste: '浆糊',
  thread: '线',
  dye: '染料',
  deacidification_agent: '脱酸剂',
};

export interface TermUse {
  readonly path: string;
  readonly kind: VocabularyKind;
  readonly value: string;
}

/** The vocabulary terms a plan and a materials list use, with their field paths. */
export function termUses(
  plan?: DeepPartial<WorkOrderPlan>,
  materials?: DeepPartial<WorkOrderMaterials>,
): TermUse[] {
  const uses: TermUse[] = [];
  plan?.techniques?.forEach((t, i) =>
    uses.push({ path: `plan.techniques.${i}.technique`, kind: 'technique', value: t.technique }),
  );
  if (materials) {
    materials.repairPaper?.forEach((m, i) =>
      uses.push({ path: `materials.repairPaper.${i}.type`, kind: 'repair_paper', value: m.type }),
    );
    materials.paste?.forEach((m, i) =>
      uses.push({ path: `materials.paste.${i}.type`, kind: 'paste', value: m.type }),
    );
    materials.thread?.forEach((v, i) =>
      uses.push({ path: `materials.thread.${i}`, kind: 'thread', value: v }),
    );
    materials.dyes?.forEach((v, i) => uses.push({ path: `materials.dyes.${i}`, kind: 'dye', value: v }));
    materials.deacidificationAgent?.forEach((v, i) =>
      uses.push({ path: `materials.deacidificationAgent.${i}`, kind: 'deacidification_agent', value: v }),
    );
  }
  return uses;
}

/** Every term that is not an active entry of its vocabulary, as a field problem. */
export async function termProblems(em: EntityManager, uses: readonly TermUse[]): Promise<ErrorDetail[]> {
  if (!uses.length) return [];
  const terms = await em.find(RestorationTermSchema, { active: true });
  const known = new Set(terms.map((t) => `${t.kind}\u0000${t.value}`));
  const details: ErrorDetail[] = uses
    .filter((u) => !known.has(`${u.kind}\u0000${u.value}`))
    .map((u) => ({
      path: u.path,
      value: u.value,
      rule: `vocabulary:${u.kind}`,
      messageZh: `“${u.value}”不在${KIND_ZH[u.kind]}词表中（可由国家级管理员添加）`,
      messageEn: `"${u.value}" is not in the ${u.kind} vocabulary (a national admin may add it)`,
    }));
  return details;
}

/** 400 naming every term that is not an active entry of its vocabulary. */
export async function checkTerms(em: EntityManager, uses: readonly TermUse[]): Promise<void> {
  const details = await termProblems(em, uses);
  if (details.length) {
    throw AppError.badRequest(
      'UNKNOWN_TERM',
      `有 ${details.length} 个词不在修复词表中`,
      `${details.length} term(s) are not in the restoration vocabularies`,
      details,
    );
  }
}

function presentTerm(t: RestorationTerm) {
  return {
    id: t.id,
    kind: t.kind,
    value: t.value,
    labelEn: t.labelEn ?? null,
    active: t.active,
    sortOrder: t.sortOrder,
    version: t.version,
  };
}

/** Every term, grouped by vocabulary in display order (inactive ones flagged, kept for old records). */
export async function listTerms(em: EntityManager) {
  const terms = await em.find(RestorationTermSchema, {}, { orderBy: { kind: 'asc', sortOrder: 'asc' } });
  return { items: terms.map(presentTerm) };
}

function requireNational(scope: Context) {
  const actor = requireActor(scope);
  if (!canManageNationalData(actor)) {
    throw AppError.forbidden(
      '修复词表是国家级参考数据，只有国家级管理员可以修改',
      'The restoration vocabularies are national reference data: national admins only',
    );
  }
}

/** Adds a term (national admins). */
export async function addTerm(
  scope: Context,
  body: { kind: VocabularyKind; value: string; labelEn?: string | null | undefined },
) {
  requireNational(scope);
  return scope.em.transactional(async (em) => {
    const count = await em.count(RestorationTermSchema, { kind: body.kind });
    const term = em.create(RestorationTermSchema, {
      kind: body.kind,
      value: body.value,
      labelEn: body.labelEn ?? null,
      sortOrder: count,
    });
    await em.flush();
    recordAudit(em, scope, {
      action: 'restoration_term.create',
      entityType: 'restoration_term',
      entityId: term.id,
      after: { kind: term.kind, value: term.value, labelEn: term.labelEn ?? null },
    });
    return presentTerm(term);
  });
}

/** Relabels or (de)activates a term (national admins); `version` guards concurrent edits. */
export async function updateTerm(
  scope: Context,
  id: string,
  body: { version: number; labelEn?: string | null | undefined; active?: boolean | undefined },
) {
  requireNational(scope);
  return scope.em.transactional(async (em) => {
    const term = await em.findOne(RestorationTermSchema, { id });
    if (!term) throw AppError.notFound(`Term ${id}`, `词条 ${id} `);
    if (term.version !== body.version) {
      throw new AppError(
        409,
        'VERSION_CONFLICT',
        `词条已被他人修改（当前版本 ${term.version}）`,
        `The term was changed by someone else (current version ${term.version})`,
        [],
        { current: presentTerm(term) },
      );
    }
    const before = { labelEn: term.labelEn ?? null, active: term.active };
    if (body.labelEn !== undefined) term.labelEn = body.labelEn;
    if (body.active !== undefined) term.active = body.active;
    await em.flush();
    recordAudit(em, scope, {
      action: 'restoration_term.update',
      entityType: 'restoration_term',
      entityId: term.id,
      before,
      after: { labelEn: term.labelEn ?? null, active: term.active },
    });
    return presentTerm(term);
  });
}

import { SettingSchema } from '../settings/setting.entity.js';
import { validateTriageWeights, type TriageWeights } from './triage.rules.js';
import { readTriageWeights, TRIAGE_WEIGHTS_KEY } from './triage-weights.repository.js';
import { rebuildTriageState } from './triage-state.repository.js';
import { canManageNationalData } from '../domain/permissions.rules.js';
import { throwIfIssues } from '../kernel/issues.js';
import { recordAudit } from '../audit/audit.service.js';
import { AppError } from '../kernel/app-error.js';
import { requireActor, type Context } from '../kernel/context.js';

function requireNationalAdmin(scope: Context) {
  const actor = requireActor(scope);
  if (!canManageNationalData(actor)) {
    throw AppError.forbidden(
      '只有国家级管理员可以调整抢救排序权重',
      'Only national admins change triage weights',
    );
  }
  return actor;
}

/** The weights in force. */
export async function getTriageWeights(scope: Context) {
  requireActor(scope);
  return readTriageWeights(scope.em);
}

/** Replaces the weights and re-ranks every record in the same transaction. */
export async function setTriageWeights(scope: Context, sent: unknown) {
  const actor = requireNationalAdmin(scope);
  throwIfIssues('TRIAGE_WEIGHTS_INVALID', validateTriageWeights(sent));
  const weights = sent as TriageWeights;
  return scope.em.transactional(async (em) => {
    const before = await readTriageWeights(em);
    const row = await em.findOne(SettingSchema, { key: TRIAGE_WEIGHTS_KEY });
    if (row) em.assign(row, { value: weights, updatedBy: actor.userId });
    else em.create(SettingSchema, { key: TRIAGE_WEIGHTS_KEY, value: weights, updatedBy: actor.userId });
    await em.flush();
    const rows = await rebuildTriageState(em, weights);
    recordAudit(em, scope, {
      action: 'triage_weights.update',
      entityType: 'setting',
      entityId: TRIAGE_WEIGHTS_KEY,
      before: before as unknown as Record<string, unknown>,
      after: weights as unknown as Record<string, unknown>,
    });
    return { weights, rerankedRecords: rows };
  });
}

/** Re-ranks every record (picks up records whose grade or damage level came from an import). */
export async function rebuildTriage(scope: Context) {
  requireNationalAdmin(scope);
  return scope.em.transactional(async (em) => {
    const rows = await rebuildTriageState(em, await readTriageWeights(em));
    recordAudit(em, scope, {
      action: 'triage_state.rebuild',
      entityType: 'record_triage_state',
      entityId: 'all',
      after: { records: rows },
    });
    return { rerankedRecords: rows };
  });
}

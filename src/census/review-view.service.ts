// What the review page (/review/:censusNumber) shows, decided here: the record's fields with labels
// and text, the steps the caller may take now, whether they may comment, the round, every round's
// events and comments, and — from round 2 on — what changed since the previous round, each change
// with its field's label and both values as text.
import { z } from 'zod';
import { loadVisibleRecord, reviewHistory } from './record-query.service.js';
import { allowedActionsOf } from './record-workflow.service.js';
import { WORKFLOW, WORKFLOW_ACTIONS, type WorkflowAction } from '../domain/record-workflow.rules.js';
import { canReview } from './record-access.rules.js';
import { toRecordInput } from './record-body.js';
import { presentRecordFields, recordFieldLabel, recordFieldText } from './record-fields.presenter.js';
import { actionLabel, statusLabel, typeLabel } from '../domain/record-labels.rules.js';
import { AWAITING_REVIEW } from './review-queue.service.js';
import { presentRecord } from './record.presenter.js';
import type { RecordStatus } from '../domain/record.types.js';
import type { Context } from '../kernel/context.js';

const label = z.object({ zh: z.string(), en: z.string() });
const person = { actorEmail: z.string().nullable(), actorName: z.string().nullable() };

export const reviewViewResponse = z.object({
  record: z.object({
    censusNumber: z.string(),
    title: z.string(),
    type: z.string(),
    typeLabel: label,
    institutionName: z.string().nullable(),
    status: z.string(),
    statusLabel: label,
    version: z.number().int(),
    updatedAt: z.string(),
    yearFrom: z.number().int().nullable(),
    yearTo: z.number().int().nullable(),
    dateWarnings: z.array(z.object({ messageZh: z.string(), messageEn: z.string() })),
  }),
  fields: z.array(z.object({ field: z.string(), label, text: z.string() })),
  currentRound: z.number().int(),
  mayComment: z.boolean(),
  allowedActions: z.array(
    z.object({ action: z.enum(WORKFLOW_ACTIONS), label, needsNote: z.boolean(), side: z.string() }),
  ),
  status: z.string(),
  events: z.array(
    z.object({
      round: z.number().int(),
      action: z.string(),
      actionLabel: label,
      fromStatus: z.string(),
      toStatus: z.string(),
      note: z.string().nullable(),
      at: z.string(),
      ...person,
    }),
  ),
  comments: z.array(
    z.object({
      id: z.string(),
      round: z.number().int(),
      field: z.string(),
      fieldLabel: label,
      text: z.string(),
      resolved: z.boolean(),
      at: z.string(),
      ...person,
    }),
  ),
  changesSincePreviousRound: z
    .object({
      sinceRound: z.number().int(),
      changes: z.array(
        z.object({
          field: z.string(),
          label,
          before: z.unknown(),
          after: z.unknown(),
          beforeText: z.string(),
          afterText: z.string(),
        }),
      ),
    })
    .nullable(),
});

/** The review history of a record plus what its review page needs, for one who may see its workflow. */
export async function reviewView(
  scope: Context,
  censusNumber: string,
): Promise<z.infer<typeof reviewViewResponse>> {
  const history = await reviewHistory(scope, censusNumber);
  const { record, ctx } = await loadVisibleRecord(scope, censusNumber);
  const json = presentRecord(record);
  const input = toRecordInput(record.type, record.institution.id, record.body);
  const access = {
    institutionId: record.institution.id,
    provinceCode: record.provinceCode,
    status: record.status,
    assignedReviewerId: record.assignedReviewer?.id ?? null,
  };
  const actions: WorkflowAction[] = ctx ? allowedActionsOf(ctx, record) : [];
  const changes = history.changesSincePreviousRound;
  return {
    ...history,
    record: {
      censusNumber: record.censusNumber,
      title: json.title,
      type: record.type,
      typeLabel: typeLabel(record.type),
      institutionName: json.institutionName,
      status: record.status,
      statusLabel: statusLabel(record.status),
      version: record.version,
      updatedAt: json.updatedAt,
      yearFrom: json.edition.yearFrom,
      yearTo: json.edition.yearTo,
      dateWarnings: json.edition.warnings.map((w) => ({ messageZh: w.messageZh, messageEn: w.messageEn })),
    },
    fields: presentRecordFields(input),
    // A recalled submission never reached a reviewer: the next one continues its round.
    currentRound:
      history.events.filter((e) => e.action === 'submit').length -
      history.events.filter((e) => e.action === 'recall').length,
    mayComment: Boolean(
      ctx && canReview(ctx, access) && AWAITING_REVIEW.includes(record.status as RecordStatus),
    ),
    allowedActions: actions.map((action) => ({
      action,
      label: actionLabel(action),
      needsNote: WORKFLOW[action].needsNote,
      side: WORKFLOW[action].side,
    })),
    events: history.events.map((e) => ({
      ...e,
      actionLabel:
        e.action in WORKFLOW ? actionLabel(e.action as WorkflowAction) : { zh: e.action, en: e.action },
      fromStatus: e.fromStatus as RecordStatus,
    })),
    comments: history.comments.map((c) => ({
      ...c,
      fieldLabel: recordFieldLabel(record.type, c.field.split(/[.[]/)[0]!),
    })),
    changesSincePreviousRound: changes && {
      sinceRound: changes.sinceRound,
      changes: changes.changes.map((c) => ({
        ...c,
        label: recordFieldLabel(record.type, c.field),
        beforeText: recordFieldText(input, c.field, c.before),
        afterText: recordFieldText(input, c.field, c.after),
      })),
    },
  };
}

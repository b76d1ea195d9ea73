import { z } from 'zod';
import { defineRoute } from '../kernel/route.js';
import { ruleSettingsOf } from './record-validation.service.js';
import { bulkBody, censusNumberParams, commentBody, workflowBody } from './record.schemas.js';
import { bulkTransition, commentOnField, transitionRecord } from './record-workflow.service.js';
import { reviewView, reviewViewResponse } from './review-view.service.js';
import { assignInstitution, assignRecords, listAssignments, unassign } from './review-assignment.service.js';
import type { WorkflowAction } from '../domain/record-workflow.rules.js';
import { reviewQueue, reviewQueueQuery, reviewQueueResponse } from './review-queue.service.js';

const tag = 'Review 审校';

const singleActions: Array<[string, WorkflowAction, string]> = [
  ['submit', 'submit', 'Submit for review (grade and damage grade become mandatory)'],
  ['recall', 'recall', 'Take a submission back to draft (撤回提交) while no reviewer has started'],
  ['start-review', 'start_review', 'Start reviewing a submitted record'],
  ['return', 'return', 'Return for correction (返修) with a note'],
  ['approve', 'approve', 'Approve'],
  ['publish', 'publish', 'Sign off and publish (provincial centre)'],
  ['withdraw', 'withdraw', 'Withdraw with a reason (never a delete; the number stays taken)'],
];

const bulkActions: Array<[string, WorkflowAction]> = [
  ['submit', 'submit'],
  ['approve', 'approve'],
  ['publish', 'publish'],
  ['return', 'return'],
];

export const reviewRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/review-queue',
    summary: 'My review queue: records awaiting my review, oldest submission first, with counts',
    tag,
    auth: 'user',
    query: reviewQueueQuery,
    response: reviewQueueResponse,
    handler: async ({ scope, query }) => ({ body: await reviewQueue(scope, query) }),
  }),
  ...singleActions.map(([segment, action, summary]) =>
    defineRoute({
      method: 'post',
      path: `/api/records/:censusNumber/${segment}`,
      summary,
      tag,
      auth: 'user',
      successStatus: 200,
      params: censusNumberParams,
      body: workflowBody,
      handler: async ({ scope, params, body, deps }) => ({
        status: 200,
        body: await transitionRecord(
          scope,
          deps.afterRecordsChanged,
          params.censusNumber,
          action,
          body.note ?? body.reason,
          ruleSettingsOf(deps),
        ),
      }),
    }),
  ),
  ...bulkActions.map(([segment, action]) =>
    defineRoute({
      method: 'post',
      path: `/api/records/bulk/${segment}`,
      summary: `Bulk ${action}: each record succeeds or fails on its own`,
      tag,
      auth: 'user',
      successStatus: 200,
      body: bulkBody,
      handler: async ({ scope, body, deps }) => ({
        status: 200,
        body: await bulkTransition(
          scope,
          deps.afterRecordsChanged,
          body.censusNumbers,
          action,
          body.note,
          ruleSettingsOf(deps),
        ),
      }),
    }),
  ),
  defineRoute({
    method: 'get',
    path: '/api/records/:censusNumber/review',
    summary:
      'Review history (every round of submit/return/approve, field comments, changes since the previous round) with what the review page shows: fields with labels, the steps the caller may take, whether they may comment',
    tag,
    auth: 'user',
    params: censusNumberParams,
    response: reviewViewResponse,
    handler: async ({ scope, params }) => ({ body: await reviewView(scope, params.censusNumber) }),
  }),
  defineRoute({
    method: 'post',
    path: '/api/records/:censusNumber/comments',
    summary: 'Comment on one field of a record under review',
    tag,
    auth: 'user',
    params: censusNumberParams,
    body: commentBody,
    handler: async ({ scope, params, body }) => ({
      body: await commentOnField(scope, params.censusNumber, body.field, body.text),
    }),
  }),
  defineRoute({
    method: 'get',
    path: '/api/review-assignments',
    summary:
      'Review assignments (institution → reviewer); for administrators also what the assignment form offers (mayAssign, reviewers, institutions)',
    tag,
    auth: 'user',
    response: z.object({
      items: z.array(
        z.object({
          id: z.string(),
          reviewerId: z.string(),
          reviewerEmail: z.string(),
          reviewerName: z.string(),
          institutionId: z.string(),
          institutionName: z.string(),
          createdAt: z.string(),
        }),
      ),
      mayAssign: z.boolean(),
      reviewers: z.array(z.object({ id: z.string(), name: z.string(), email: z.string() })),
      institutions: z.array(z.object({ id: z.string(), name: z.string(), fullCode: z.string() })),
    }),
    handler: async ({ scope }) => ({ body: await listAssignments(scope) }),
  }),
  defineRoute({
    method: 'post',
    path: '/api/review-assignments',
    summary: "Assign an institution's submissions to a reviewer",
    tag,
    auth: 'user',
    body: z.strictObject({ reviewerId: z.uuid(), institutionId: z.uuid() }),
    handler: async ({ scope, body }) => ({
      body: await assignInstitution(scope, body.reviewerId, body.institutionId),
    }),
  }),
  defineRoute({
    method: 'delete',
    path: '/api/review-assignments/:id',
    summary: 'End an assignment',
    tag,
    auth: 'user',
    successStatus: 204,
    params: z.strictObject({ id: z.uuid() }),
    handler: async ({ scope, params }) => {
      await unassign(scope, params.id);
      return { status: 204, body: null };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/records/bulk/assign',
    summary: 'Assign a batch of records to a reviewer',
    tag,
    auth: 'user',
    successStatus: 200,
    body: z.strictObject({
      reviewerId: z.uuid(),
      censusNumbers: z.array(z.string().min(1).max(32)).min(1).max(1000),
    }),
    handler: async ({ scope, body }) => ({
      status: 200,
      body: await assignRecords(scope, body.reviewerId, body.censusNumbers),
    }),
  }),
];

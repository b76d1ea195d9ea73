import { defineRoute, type HandlerInput } from '../kernel/route.js';
import { receiveMultipart } from '../kernel/multipart.js';
import {
  createWorkOrderBody,
  listWorkOrdersQuery,
  logEntryBody,
  transitionBody,
  updateWorkOrderBody,
  workOrderIdParams,
} from './work-order.schemas.js';
import { createWorkOrder } from './work-order-create.service.js';
import { getWorkOrder, listWorkOrders } from './work-order-query.service.js';
import { updateWorkOrder } from './work-order-update.service.js';
import { transitionWorkOrder } from './work-order-transition.service.js';
import { addLogEntry } from './work-order-log.service.js';
import { termProblems, termUses } from './restoration-vocabulary.service.js';
import { addPhotos, authorisePhotoUpload, type PhotoDeps } from './work-order-photo.service.js';
import { restorationRecord } from './restoration-record.service.js';
import { renderRestorationRecord } from './restoration-record.html.js';
import { restorationStatistics } from './restoration-statistics.service.js';
import { z } from 'zod';
import { logEntryResponse, workOrderListResponse, workOrderResponse } from './work-order-response.schemas.js';

const tag = 'Restoration 修复';

function photoDeps({ deps }: Pick<HandlerInput<unknown, unknown, unknown>, 'deps'>): PhotoDeps {
  return {
    objectStore: deps.objectStore,
    publicUrl: deps.config.publicUrl,
    maxBytes: Math.min(deps.config.imageMaxBytes, deps.config.maxUploadBytes),
    maxPixels: deps.config.imageMaxPixels,
  };
}

export const workOrderRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/work-orders/statistics',
    summary:
      'Leaves and items restored per month per institution and centre; open orders by state; average days per state',
    tag,
    auth: 'user',
    handler: async ({ scope }) => ({ body: await restorationStatistics(scope) }),
  }),
  defineRoute({
    method: 'post',
    path: '/api/work-orders',
    summary:
      'Raise a work order (proposed) for a record; links the triggering condition assessment as "before"',
    response: workOrderResponse,
    tag,
    auth: 'user',
    body: createWorkOrderBody,
    successStatus: 201,
    handler: async ({ scope, body, deps }) => ({
      body: await createWorkOrder(scope, deps.config.publicUrl, body),
    }),
  }),
  defineRoute({
    method: 'get',
    path: '/api/work-orders',
    summary: 'Work orders I may see (filters: state, institutionId, censusNumber); {items, total}',
    response: workOrderListResponse,
    tag,
    auth: 'user',
    query: listWorkOrdersQuery,
    handler: async ({ scope, query }) => ({ body: await listWorkOrders(scope, query) }),
  }),
  defineRoute({
    method: 'get',
    path: '/api/work-orders/:id',
    summary: 'One work order with plan, materials, log, photos, history, totals and the actions open to me',
    response: workOrderResponse,
    tag,
    auth: 'user',
    params: workOrderIdParams,
    handler: async ({ scope, params, deps }) => ({
      body: await getWorkOrder(scope, deps.config.publicUrl, params.id),
    }),
  }),
  defineRoute({
    method: 'patch',
    path: '/api/work-orders/:id',
    summary:
      'Save plan, materials, custody or linked assessments (`version` for locking: stale → 409 with the current order)',
    response: workOrderResponse,
    tag,
    auth: 'user',
    params: workOrderIdParams,
    body: updateWorkOrderBody,
    bodyProblems: ({ scope, body }) => termProblems(scope.em, termUses(body.plan, body.materials)),
    handler: async ({ scope, params, body, deps }) => ({
      body: await updateWorkOrder(scope, deps.config.publicUrl, params.id, body),
    }),
  }),
  defineRoute({
    method: 'post',
    path: '/api/work-orders/:id/transitions',
    summary:
      'Move the order on: {action, reason?, version, rating?, findings?}; illegal → 409 listing allowed actions',
    response: workOrderResponse,
    tag,
    auth: 'user',
    params: workOrderIdParams,
    body: transitionBody,
    successStatus: 200,
    handler: async ({ scope, params, body, deps }) => ({
      body: await transitionWorkOrder(scope, deps.config.publicUrl, params.id, body),
    }),
  }),
  defineRoute({
    method: 'post',
    path: '/api/work-orders/:id/log',
    summary: 'Log treatment (date, step, leaves 叶, hours, notes) while in progress → 201 {entry, totals}',
    response: logEntryResponse,
    tag,
    auth: 'user',
    params: workOrderIdParams,
    body: logEntryBody,
    bodyProblems: ({ scope, body }) =>
      termProblems(scope.em, body.step ? [{ path: 'step', kind: 'technique', value: body.step }] : []),
    successStatus: 201,
    handler: async ({ scope, params, body }) => ({ body: await addLogEntry(scope, params.id, body) }),
  }),
  defineRoute({
    method: 'post',
    path: '/api/work-orders/:id/photos',
    summary:
      'Add before/during/after photos (multipart: `file`, `phase`, optional `caption`, `logEntryId`) → 201 {items}',
    tag,
    auth: 'user',
    params: workOrderIdParams,
    successStatus: 201,
    handler: async (input) => {
      const { scope, params, koa, deps } = input;
      await authorisePhotoUpload(scope, params.id);
      const limits = photoDeps(input);
      const upload = await receiveMultipart(koa, { maxFileBytes: limits.maxBytes, maxFiles: 20 });
      try {
        const body = await addPhotos(scope, limits, params.id, upload.files, upload.fields);
        deps.derivativeWorker?.kick();
        return { status: 201, body };
      } finally {
        await upload.discard();
      }
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/work-orders/:id/record',
    summary: 'The restoration record (修复档案) as JSON, or with ?format=html as a print-ready A4 page',
    tag,
    auth: 'user',
    params: workOrderIdParams,
    query: z.strictObject({ format: z.enum(['json', 'html']).default('json') }),
    handler: async ({ scope, params, query, deps }) => {
      const record = await restorationRecord(scope, deps.config.publicUrl, params.id);
      if (query.format === 'json') return { body: record };
      return {
        body: renderRestorationRecord(record),
        headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'private, no-store' },
      };
    },
  }),
];

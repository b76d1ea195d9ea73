import { defineRoute } from '../kernel/route.js';
import { ruleSettingsOf } from './record-validation.service.js';
import {
  censusNumberParams,
  createRecordBody,
  listRecordsQuery,
  updateRecordBody,
} from './record.schemas.js';
import { createRecord } from './record-create.service.js';
import { updateRecord } from './record-update.service.js';
import { newRecordProblems, recordChangeProblems } from './record-problems.service.js';
import { getRecord, listRecords, listVersions } from './record-query.service.js';
import {
  recordFieldsResponse,
  recordListResponse,
  recordResponse,
  recordVersionsResponse,
} from './record-response.schemas.js';
import { RECORD_FIELD_GROUPS } from './record-fields.rules.js';
import { RECORD_STATUSES, RECORD_TYPES } from '../domain/record.types.js';
import { statusLabel, typeLabel } from '../domain/record-labels.rules.js';

const tag = 'Records 普查记录';

export const recordRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/record-fields',
    summary:
      "The record's fields in catalogue order (groups, bilingual labels, record types, input kind, code list), and the labelled types and statuses",
    tag,
    auth: 'public',
    response: recordFieldsResponse,
    handler: async () => ({
      body: {
        groups: RECORD_FIELD_GROUPS,
        types: RECORD_TYPES.map((value) => ({ value, label: typeLabel(value) })),
        statuses: RECORD_STATUSES.map((value) => ({ value, label: statusLabel(value) })),
      },
      headers: { 'cache-control': 'public, max-age=300' },
    }),
  }),
  defineRoute({
    method: 'post',
    path: '/api/records',
    summary: 'Register a 古籍 or 民国 record; the census number is issued here (never sent by the client)',
    tag,
    auth: 'user',
    body: createRecordBody,
    bodyProblems: ({ scope, body, deps }) => newRecordProblems(scope, body, ruleSettingsOf(deps)),
    handler: async ({ scope, body, deps }) => ({
      body: await createRecord(scope, deps.afterRecordsChanged, body, ruleSettingsOf(deps)),
    }),
  }),
  defineRoute({
    method: 'get',
    path: '/api/records',
    summary: 'List records I may see (the public: published only), with filters; {items, total}',
    tag,
    auth: 'public',
    query: listRecordsQuery,
    response: recordListResponse,
    handler: async ({ scope, query }) => ({ body: await listRecords(scope, query) }),
  }),
  defineRoute({
    method: 'get',
    path: '/api/records/:censusNumber',
    summary:
      'One record, with the labels of its codes, the steps and actions the caller may take, and the last return (note and field comments)',
    tag,
    auth: 'public',
    params: censusNumberParams,
    response: recordResponse,
    handler: async ({ scope, params }) => ({ body: await getRecord(scope, params.censusNumber) }),
  }),
  defineRoute({
    method: 'patch',
    path: '/api/records/:censusNumber',
    summary: 'Change a record (`version` for locking; `reason` required once approved)',
    tag,
    auth: 'user',
    params: censusNumberParams,
    body: updateRecordBody,
    bodyProblems: ({ scope, params, body, deps }) =>
      recordChangeProblems(scope, params.censusNumber, body, ruleSettingsOf(deps)),
    handler: async ({ scope, params, body, deps }) => ({
      body: await updateRecord(
        scope,
        deps.afterRecordsChanged,
        params.censusNumber,
        body,
        ruleSettingsOf(deps),
      ),
    }),
  }),
  defineRoute({
    method: 'get',
    path: '/api/records/:censusNumber/versions',
    summary:
      "Versions of a record: who, when, why, field-level changes (those who may see the record's workflow)",
    tag,
    auth: 'user',
    params: censusNumberParams,
    response: recordVersionsResponse,
    handler: async ({ scope, params }) => ({ body: await listVersions(scope, params.censusNumber) }),
  }),
];

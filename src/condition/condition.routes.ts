import { assessmentListResponse, assessmentResponse, computeResponse } from './condition-response.schemas.js';
import { defineRoute } from '../kernel/route.js';
import { censusNumberParams } from '../census/record.schemas.js';
import { computeLevelBody, createAssessmentBody, ruleSetBody } from './condition.schemas.js';
import { computeLevel, createAssessment } from './condition-assessment.service.js';
import { listAssessments } from './condition-query.service.js';
import { listRuleSets, previewRuleSet, publishRuleSet } from './rule-set.service.js';
import { requireActor } from '../kernel/context.js';

const tag = 'Condition 破损定级';

export const conditionRoutes = [
  defineRoute({
    method: 'post',
    path: '/api/records/:censusNumber/assessments',
    summary:
      'Record a condition assessment: observations + pH readings → computedLevel, decidingRule, finalLevel (override needs a reason), ruleSetVersion',
    response: assessmentResponse,
    tag,
    auth: 'user',
    params: censusNumberParams,
    body: createAssessmentBody,
    handler: async ({ scope, params, body, deps }) => ({
      body: await createAssessment(scope, deps.afterRecordsChanged, params.censusNumber, body),
    }),
  }),
  defineRoute({
    method: 'get',
    path: '/api/records/:censusNumber/assessments',
    summary: 'Condition history of a record, newest first, each with the one before it (before/after)',
    response: assessmentListResponse,
    tag,
    auth: 'public',
    params: censusNumberParams,
    handler: async ({ scope, params }) => ({ body: await listAssessments(scope, params.censusNumber) }),
  }),
  defineRoute({
    method: 'post',
    path: '/api/assessments/compute',
    summary: 'Compute the damage level of observations with the active rule set, without saving',
    response: computeResponse,
    tag,
    auth: 'user',
    successStatus: 200,
    body: computeLevelBody,
    handler: async ({ scope, body }) => {
      requireActor(scope);
      return { body: await computeLevel(scope.em, body) };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/rulesets',
    summary: 'Damage-level rule sets, newest (active) first',
    tag,
    auth: 'user',
    handler: async ({ scope }) => ({ body: await listRuleSets(scope) }),
  }),
  defineRoute({
    method: 'post',
    path: '/api/rulesets',
    summary: 'Publish a new rule-set version (national admins; validated; past assessments keep theirs)',
    tag,
    auth: 'user',
    body: ruleSetBody,
    handler: async ({ scope, body }) => ({ body: await publishRuleSet(scope, body) }),
  }),
  defineRoute({
    method: 'post',
    path: '/api/rulesets/preview',
    summary: 'How many current computed levels a candidate rule set would change (nothing stored)',
    tag,
    auth: 'user',
    successStatus: 200,
    body: ruleSetBody,
    handler: async ({ scope, body }) => ({ body: await previewRuleSet(scope, body) }),
  }),
];

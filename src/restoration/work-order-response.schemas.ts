// The shapes of the work-order answers (the board and one order), for the OpenAPI document and so
// the staff app's generated client is typed by them.
import { z } from 'zod';
import { WORK_ORDER_ACTIONS, WORK_ORDER_STATES } from './work-order-state.rules.js';
import { ACCEPTANCE_RATINGS, PHOTO_PHASES, VOCABULARY_KINDS } from './work-order.schemas.js';

const label = z.object({ zh: z.string(), en: z.string() });
const person = z.object({ id: z.string(), displayName: z.string() });
const named = z.object({ id: z.string(), name: z.string() });
const totals = z.object({ leaves: z.number(), hours: z.number() });

/** A work order in a list (a board card). */
export const workOrderSummaryResponse = z.object({
  id: z.string(),
  censusNumber: z.string(),
  title: z.string(),
  institution: named,
  centre: named.nullable(),
  state: z.enum(WORK_ORDER_STATES),
  stateLabel: label,
  stateSince: z.string(),
  custody: z.string().nullable(),
  totals,
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

/** GET /api/work-orders: the orders, the board's labelled columns, and whether the caller raises orders. */
export const workOrderListResponse = z.object({
  items: z.array(workOrderSummaryResponse),
  total: z.number(),
  columns: z.array(z.object({ state: z.enum(WORK_ORDER_STATES), label })),
  abilities: z.object({ raise: z.boolean() }),
});

const assessmentBrief = z
  .object({
    id: z.string(),
    assessedOn: z.string(),
    assessor: z.string(),
    finalLevel: z.string(),
    finalLevelLabel: label,
    computedLevel: z.string(),
  })
  .nullable();

const offer = z.object({
  action: z.enum(WORK_ORDER_ACTIONS),
  label,
  needsReason: z.boolean(),
  needsRating: z.boolean(),
  /** Why the step cannot be taken yet (the guard that still fails), or null when it can. */
  blocked: z.object({ code: z.string(), messageZh: z.string(), messageEn: z.string() }).nullable(),
});

/** One work order, with everything its page shows and what the caller may do on it. */
export const workOrderResponse = workOrderSummaryResponse.extend({
  recordId: z.string(),
  grade: z.string().nullable(),
  preciousListNumber: z.string().nullable(),
  summary: z.string().nullable(),
  plan: z
    .object({
      techniques: z.array(z.object({ technique: z.string(), reason: z.string() })),
      estimatedLeaves: z.number().nullable().optional(),
      estimatedHours: z.number().nullable().optional(),
      risks: z.string().nullable().optional(),
    })
    .nullable(),
  plannedBy: person.nullable(),
  approvedBy: person.nullable(),
  approvedAt: z.string().nullable(),
  materials: z
    .object({
      repairPaper: z.array(
        z.object({
          type: z.string(),
          origin: z.string().nullable().optional(),
          weightGsm: z.number().nullable().optional(),
          toning: z.string().nullable().optional(),
        }),
      ),
      paste: z.array(z.object({ type: z.string(), concentration: z.string().nullable().optional() })),
      thread: z.array(z.string()),
      dyes: z.array(z.string()),
      deacidificationAgent: z.array(z.string()),
    })
    .nullable(),
  custodySince: z.string().nullable(),
  before: assessmentBrief,
  after: assessmentBrief,
  damageLevel: z.object({
    before: z.string().nullable(),
    after: z.string().nullable(),
    beforeLabel: label.nullable(),
    afterLabel: label.nullable(),
  }),
  acceptance: z
    .object({
      by: person.nullable(),
      at: z.string(),
      rating: z.string().nullable(),
      ratingLabel: label.nullable(),
      findings: z.string().nullable(),
    })
    .nullable(),
  findings: z.string().nullable(),
  lastReason: z.string().nullable(),
  createdBy: person.nullable(),
  log: z.array(
    z.object({
      id: z.string(),
      workDate: z.string(),
      conservator: person.nullable(),
      step: z.string(),
      leavesTreated: z.number(),
      hours: z.number(),
      notes: z.string().nullable(),
      photoIds: z.array(z.string()),
    }),
  ),
  photos: z.array(
    z.object({
      id: z.string(),
      imageId: z.string(),
      phase: z.enum(PHOTO_PHASES),
      phaseLabel: label,
      caption: z.string().nullable(),
      logEntryId: z.string().nullable(),
      status: z.string(),
      width: z.number().nullable(),
      height: z.number().nullable(),
      service: z.string(),
      thumbnail: z.string(),
    }),
  ),
  history: z.array(
    z.object({
      action: z.string().nullable(),
      actionLabel: label.nullable(),
      from: z.string().nullable(),
      fromLabel: label.nullable(),
      to: z.string(),
      toLabel: label.nullable(),
      actor: person,
      reason: z.string().nullable(),
      at: z.string(),
    }),
  ),
  /** Every action the state allows, whoever asks (for reference); `actions` are the caller's. */
  allowedActions: z.array(z.enum(WORK_ORDER_ACTIONS)),
  myActions: z.array(z.enum(WORK_ORDER_ACTIONS)),
  actions: z.array(offer),
  roles: z.object({ isStudioHead: z.boolean(), isInspector: z.boolean(), isConservator: z.boolean() }),
  abilities: z.object({
    editPlan: z.boolean(),
    log: z.boolean(),
    uploadPhotos: z.boolean(),
    assessAfter: z.boolean(),
  }),
  photoPhases: z.array(z.object({ value: z.enum(PHOTO_PHASES), label })),
  ratings: z.array(z.object({ value: z.enum(ACCEPTANCE_RATINGS), label })),
  manifest: z.string(),
});

/** GET /api/restoration-terms: the editable vocabularies the plan and log forms choose from. */
export const restorationTermsResponse = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(VOCABULARY_KINDS),
      value: z.string(),
      labelEn: z.string().nullable(),
      active: z.boolean(),
      sortOrder: z.number(),
    }),
  ),
});

/** POST /api/work-orders/:id/log: the new entry and the order's new totals. */
export const logEntryResponse = z.object({
  entry: z.object({
    id: z.string(),
    workOrderId: z.string(),
    workDate: z.string(),
    conservator: person,
    step: z.string(),
    leavesTreated: z.number(),
    hours: z.number(),
    notes: z.string().nullable(),
  }),
  totals,
});

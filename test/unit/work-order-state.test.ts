import test from 'ava';
import {
  ACTION_LABELS,
  STATE_LABELS,
  actionOffers,
  allowedActions,
  transition,
  WORK_ORDER_ACTIONS,
  WORK_ORDER_STATES,
  type TransitionContext,
  type TransitionErrorCode,
  type WorkOrderAction,
  type WorkOrderState,
} from '../../src/restoration/work-order-state.rules.js';

// Everything a guard could ask for is present, so only the state machine itself can refuse.
const ANYONE: TransitionContext = {
  actorId: 'u-head',
  actorRoles: { isStudioHead: true, isInspector: true, isConservator: true },
  plannerId: 'u-planner',
  workerIds: ['u-worker'],
  needsIndependentApproval: true,
  reason: '等待补纸',
  hasAfterAssessment: true,
  hasAfterPhotos: true,
};

function ctx(over: Partial<TransitionContext> = {}): TransitionContext {
  return { ...ANYONE, ...over };
}

// The life cycle of restoration.md, written out in full: state → action → next state. A pair not listed
// here must be refused as ILLEGAL_TRANSITION.
const EXPECTED: Record<WorkOrderState, Partial<Record<WorkOrderAction, WorkOrderState>>> = {
  proposed: { plan: 'planned', cancel: 'cancelled' },
  planned: { approve: 'approved', cancel: 'cancelled' },
  approved: { start: 'in_progress', cancel: 'cancelled' },
  in_progress: { hold: 'on_hold', complete: 'completed', cancel: 'cancelled' },
  on_hold: { resume: 'in_progress', cancel: 'cancelled' },
  completed: { accept: 'accepted', reject: 'rejected', cancel: 'cancelled' },
  accepted: {},
  rejected: { resume: 'in_progress', cancel: 'cancelled' },
  cancelled: {},
};

function expectedAllowed(state: WorkOrderState): WorkOrderAction[] {
  return WORK_ORDER_ACTIONS.filter((a) => EXPECTED[state][a] !== undefined);
}

test('the expected table covers every state', (t) => {
  t.deepEqual(Object.keys(EXPECTED).sort(), [...WORK_ORDER_STATES].sort());
});

for (const state of WORK_ORDER_STATES) {
  for (const action of WORK_ORDER_ACTIONS) {
    const to = EXPECTED[state][action];
    test(`${state} × ${action} → ${to ?? 'ILLEGAL_TRANSITION'}`, (t) => {
      const result = transition(state, action, ANYONE);
      if (to === undefined) {
        if (result.ok) return t.fail(`moved to ${result.to}`);
        t.is(result.code, 'ILLEGAL_TRANSITION');
        t.deepEqual(result.allowedActions, expectedAllowed(state));
        // Chinese names the state and action by their labels, never by raw codes.
        t.true(
          result.messageZh.includes(STATE_LABELS[state].zh) &&
            result.messageZh.includes(ACTION_LABELS[action].zh),
        );
        t.false(result.messageZh.includes(`（${state}）`));
        t.true(result.messageEn.includes(state) && result.messageEn.includes(action));
      } else {
        t.deepEqual(result, { ok: true, from: state, action, to });
      }
    });
  }
}

for (const state of WORK_ORDER_STATES) {
  test(`allowedActions(${state}) is ${expectedAllowed(state).join(', ') || 'nothing (terminal)'}`, (t) => {
    t.deepEqual(allowedActions(state), expectedAllowed(state));
  });
}

// --- refusals beyond the table -----------------------------------------------------------------------

const NOBODY = { isStudioHead: false, isInspector: false, isConservator: false };
const CONSERVATOR = { ...NOBODY, isConservator: true };
const HEAD = { ...NOBODY, isStudioHead: true };
const INSPECTOR = { ...NOBODY, isInspector: true };

const rows: Array<{
  title: string;
  state: string;
  action: string;
  ctx: TransitionContext;
  code: TransitionErrorCode | null;
}> = [
  // who may move the order on
  {
    title: 'a conservator plans',
    state: 'proposed',
    action: 'plan',
    ctx: ctx({ actorRoles: CONSERVATOR }),
    code: null,
  },
  {
    title: 'an inspector may not plan',
    state: 'proposed',
    action: 'plan',
    ctx: ctx({ actorRoles: INSPECTOR }),
    code: 'NOT_PERMITTED',
  },
  {
    title: 'the studio head approves',
    state: 'planned',
    action: 'approve',
    ctx: ctx({ actorRoles: HEAD }),
    code: null,
  },
  {
    title: 'a conservator may not approve',
    state: 'planned',
    action: 'approve',
    ctx: ctx({ actorRoles: CONSERVATOR }),
    code: 'NOT_PERMITTED',
  },
  {
    title: 'a conservator starts',
    state: 'approved',
    action: 'start',
    ctx: ctx({ actorRoles: CONSERVATOR }),
    code: null,
  },
  {
    title: 'the studio head alone may not start',
    state: 'approved',
    action: 'start',
    ctx: ctx({ actorRoles: HEAD }),
    code: 'NOT_PERMITTED',
  },
  {
    title: 'a conservator completes',
    state: 'in_progress',
    action: 'complete',
    ctx: ctx({ actorRoles: CONSERVATOR }),
    code: null,
  },
  {
    title: 'an inspector may not complete',
    state: 'in_progress',
    action: 'complete',
    ctx: ctx({ actorRoles: INSPECTOR }),
    code: 'NOT_PERMITTED',
  },
  {
    title: 'an inspector accepts',
    state: 'completed',
    action: 'accept',
    ctx: ctx({ actorRoles: INSPECTOR }),
    code: null,
  },
  {
    title: 'a conservator may not accept',
    state: 'completed',
    action: 'accept',
    ctx: ctx({ actorRoles: CONSERVATOR }),
    code: 'NOT_PERMITTED',
  },
  {
    title: 'an inspector rejects',
    state: 'completed',
    action: 'reject',
    ctx: ctx({ actorRoles: INSPECTOR }),
    code: null,
  },
  {
    title: 'the studio head alone may not reject',
    state: 'completed',
    action: 'reject',
    ctx: ctx({ actorRoles: HEAD }),
    code: 'NOT_PERMITTED',
  },
  {
    title: 'the studio head cancels',
    state: 'in_progress',
    action: 'cancel',
    ctx: ctx({ actorRoles: HEAD }),
    code: null,
  },
  {
    title: 'a conservator may not cancel',
    state: 'in_progress',
    action: 'cancel',
    ctx: ctx({ actorRoles: CONSERVATOR }),
    code: 'NOT_PERMITTED',
  },
  {
    title: 'a conservator resumes a rejected order',
    state: 'rejected',
    action: 'resume',
    ctx: ctx({ actorRoles: CONSERVATOR }),
    code: null,
  },
  {
    title: 'a user with no role can do nothing',
    state: 'on_hold',
    action: 'resume',
    ctx: ctx({ actorRoles: NOBODY }),
    code: 'NOT_PERMITTED',
  },
  {
    title: 'an illegal move is reported before a missing role',
    state: 'accepted',
    action: 'cancel',
    ctx: ctx({ actorRoles: NOBODY }),
    code: 'ILLEGAL_TRANSITION',
  },

  // reasons
  {
    title: 'hold without a reason',
    state: 'in_progress',
    action: 'hold',
    ctx: ctx({ reason: undefined }),
    code: 'REASON_REQUIRED',
  },
  {
    title: 'hold with a blank reason',
    state: 'in_progress',
    action: 'hold',
    ctx: ctx({ reason: ' \u3000 ' }),
    code: 'REASON_REQUIRED',
  },
  {
    title: 'hold with a reason',
    state: 'in_progress',
    action: 'hold',
    ctx: ctx({ reason: '等待染纸' }),
    code: null,
  },
  {
    title: 'reject without a reason',
    state: 'completed',
    action: 'reject',
    ctx: ctx({ reason: '' }),
    code: 'REASON_REQUIRED',
  },
  {
    title: 'reject with findings',
    state: 'completed',
    action: 'reject',
    ctx: ctx({ reason: '补纸颜色过浅' }),
    code: null,
  },
  {
    title: 'cancel without a reason',
    state: 'proposed',
    action: 'cancel',
    ctx: ctx({ reason: null }),
    code: 'REASON_REQUIRED',
  },
  {
    title: 'cancel with a reason',
    state: 'proposed',
    action: 'cancel',
    ctx: ctx({ reason: '重复工单' }),
    code: null,
  },
  {
    title: 'resume needs no reason',
    state: 'on_hold',
    action: 'resume',
    ctx: ctx({ reason: undefined }),
    code: null,
  },
  {
    title: 'start needs no reason',
    state: 'approved',
    action: 'start',
    ctx: ctx({ reason: undefined }),
    code: null,
  },

  // independent approval
  {
    title: 'a 一级/二级 plan approved by its planner',
    state: 'planned',
    action: 'approve',
    ctx: ctx({ actorId: 'u-planner', plannerId: 'u-planner', needsIndependentApproval: true }),
    code: 'SAME_PERSON_APPROVAL',
  },
  {
    title: 'a 一级/二级 plan approved by someone else',
    state: 'planned',
    action: 'approve',
    ctx: ctx({ actorId: 'u-head', plannerId: 'u-planner', needsIndependentApproval: true }),
    code: null,
  },
  {
    title: 'an ordinary plan approved by its planner (a studio head who planned it)',
    state: 'planned',
    action: 'approve',
    ctx: ctx({ actorId: 'u-planner', plannerId: 'u-planner', needsIndependentApproval: false }),
    code: null,
  },
  {
    title: 'a 一级/二级 plan whose planner is unknown',
    state: 'planned',
    action: 'approve',
    ctx: ctx({ plannerId: undefined, needsIndependentApproval: true }),
    code: 'PLANNER_UNKNOWN',
  },
  {
    title: 'an ordinary plan whose planner is unknown',
    state: 'planned',
    action: 'approve',
    ctx: ctx({ plannerId: null, needsIndependentApproval: false }),
    code: null,
  },

  // independent acceptance
  {
    title: 'accepted by a conservator who worked on it',
    state: 'completed',
    action: 'accept',
    ctx: ctx({ actorId: 'u-b', workerIds: ['u-a', 'u-b'] }),
    code: 'SAME_PERSON_ACCEPTANCE',
  },
  {
    title: 'accepted by someone who did not work on it',
    state: 'completed',
    action: 'accept',
    ctx: ctx({ actorId: 'u-c', workerIds: ['u-a', 'u-b'] }),
    code: null,
  },
  {
    title: 'accepted when nobody logged work',
    state: 'completed',
    action: 'accept',
    ctx: ctx({ actorId: 'u-c', workerIds: [] }),
    code: null,
  },
  {
    title: 'a worker may still reject their own work',
    state: 'completed',
    action: 'reject',
    ctx: ctx({ actorId: 'u-a', workerIds: ['u-a'] }),
    code: null,
  },

  // completion needs the after-treatment record
  {
    title: 'complete without an after-assessment',
    state: 'in_progress',
    action: 'complete',
    ctx: ctx({ hasAfterAssessment: false }),
    code: 'AFTER_ASSESSMENT_REQUIRED',
  },
  {
    title: 'complete with the after-assessment not stated',
    state: 'in_progress',
    action: 'complete',
    ctx: ctx({ hasAfterAssessment: undefined }),
    code: 'AFTER_ASSESSMENT_REQUIRED',
  },
  {
    title: 'complete without after photos',
    state: 'in_progress',
    action: 'complete',
    ctx: ctx({ hasAfterPhotos: false }),
    code: 'AFTER_PHOTOS_REQUIRED',
  },
  {
    title: 'complete with assessment and photos',
    state: 'in_progress',
    action: 'complete',
    ctx: ctx(),
    code: null,
  },

  // unknown words
  {
    title: 'an unknown action',
    state: 'approved',
    action: 'archive',
    ctx: ctx(),
    code: 'ILLEGAL_TRANSITION',
  },
  { title: 'an unknown state', state: 'lost', action: 'start', ctx: ctx(), code: 'ILLEGAL_TRANSITION' },
];
for (const row of rows) {
  test(`${row.state} × ${row.action}: ${row.title} → ${row.code ?? 'ok'}`, (t) => {
    const result = transition(row.state, row.action, row.ctx);
    if (row.code === null) {
      t.true(result.ok, result.ok ? '' : `${result.code}: ${result.messageEn}`);
      return;
    }
    if (result.ok) return t.fail(`moved to ${result.to}`);
    t.is(result.code, row.code);
    t.deepEqual(result.allowedActions, allowedActions(row.state));
    t.truthy(result.messageZh);
    t.truthy(result.messageEn);
  });
}

test('an illegal move lists the allowed actions in both languages', (t) => {
  const result = transition('completed', 'start', ANYONE);
  if (result.ok) return t.fail();
  t.deepEqual(result.allowedActions, ['accept', 'reject', 'cancel']);
  t.true(result.messageZh.includes('可执行：验收通过、验收不通过、撤销工单'), result.messageZh);
  t.false(/[a-z_]{4,}/.test(result.messageZh), 'no raw codes in the Chinese message');
  t.true(result.messageEn.includes('allowed: accept, reject, cancel'));
});

test('a terminal state says so and allows nothing', (t) => {
  const result = transition('cancelled', 'resume', ANYONE);
  if (result.ok) return t.fail();
  t.deepEqual(result.allowedActions, []);
  t.true(result.messageEn.includes('none (final state)'));
});

test('an unknown state has no allowed actions', (t) => {
  t.deepEqual(allowedActions('lost'), []);
});

test('a refusal speaks to the person, not about an account id', (t) => {
  const result = transition('planned', 'approve', ctx({ actorId: 'u-planner', plannerId: 'u-planner' }));
  if (result.ok) return t.fail();
  t.true(result.messageZh.startsWith('您是方案制定人'));
  t.true(result.messageEn.startsWith('You wrote the plan'));
  t.false(result.messageZh.includes('u-planner') || result.messageEn.includes('u-planner'));
});

test("offers: the caller's actions in this state, each with the guard that still blocks it", (t) => {
  const conservator = { isStudioHead: false, isInspector: false, isConservator: true };
  const offers = actionOffers('in_progress', {
    ...ctx({ actorRoles: conservator, hasAfterAssessment: false }),
  });
  t.deepEqual(
    offers.map((o) => [o.action, o.blocked?.code ?? null, o.needsReason]),
    [
      ['hold', null, true],
      ['complete', 'AFTER_ASSESSMENT_REQUIRED', false],
    ],
  );
  t.deepEqual(offers[1]!.label, { zh: '完成修复', en: 'Complete' });
  // the studio head's cancel is not the conservator's work; the head sees it
  const head = actionOffers(
    'in_progress',
    ctx({ actorRoles: { ...conservator, isConservator: false, isStudioHead: true } }),
  );
  t.deepEqual(
    head.map((o) => o.action),
    ['cancel'],
  );
});

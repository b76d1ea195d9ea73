// The restoration work-order (修复工单) life cycle (shared/domain/restoration.md): which action moves an
// order from which state, who may take it, and the guards the record needs (reasons, independent
// approval and acceptance, the after-treatment assessment and photos).
//
// Decisions: on_hold is entered only from in_progress and always returns there (an approved order that
// waits for materials simply stays approved); a rejected order goes back to in_progress by `resume`, the
// same action that ends a hold; `cancel` is open from every state but the terminal accepted and cancelled.

export const WORK_ORDER_STATES = [
  'proposed',
  'planned',
  'approved',
  'in_progress',
  'on_hold',
  'completed',
  'accepted',
  'rejected',
  'cancelled',
] as const;
export type WorkOrderState = (typeof WORK_ORDER_STATES)[number];

export const WORK_ORDER_ACTIONS = [
  'plan',
  'approve',
  'start',
  'hold',
  'resume',
  'complete',
  'accept',
  'reject',
  'cancel',
] as const;
export type WorkOrderAction = (typeof WORK_ORDER_ACTIONS)[number];

export const TERMINAL_STATES: readonly WorkOrderState[] = ['accepted', 'cancelled'];

export const STATE_LABELS: Record<WorkOrderState, { zh: string; en: string }> = {
  proposed: { zh: '已提出', en: 'Proposed' },
  planned: { zh: '已制定方案', en: 'Plan written' },
  approved: { zh: '方案已批准', en: 'Plan approved' },
  in_progress: { zh: '修复中', en: 'In treatment' },
  on_hold: { zh: '暂停', en: 'On hold' },
  completed: { zh: '修复完成', en: 'Treatment completed' },
  accepted: { zh: '已验收', en: 'Accepted' },
  rejected: { zh: '验收未通过', en: 'Not accepted' },
  cancelled: { zh: '已撤销', en: 'Cancelled' },
};

// The names of the actions as the pages' buttons and the messages show them.
export const ACTION_LABELS: Record<WorkOrderAction, { zh: string; en: string }> = {
  plan: { zh: '提交修复方案', en: 'Submit plan' },
  approve: { zh: '批准方案', en: 'Approve plan' },
  start: { zh: '开始修复', en: 'Start treatment' },
  hold: { zh: '暂停', en: 'Put on hold' },
  resume: { zh: '继续修复', en: 'Resume' },
  complete: { zh: '完成修复', en: 'Complete' },
  accept: { zh: '验收通过', en: 'Accept' },
  reject: { zh: '验收不通过', en: 'Reject' },
  cancel: { zh: '撤销工单', en: 'Cancel order' },
};

/** The board's columns, in the order an order passes through them (cancelled orders leave the board). */
export const BOARD_STATES: readonly WorkOrderState[] = [
  'proposed',
  'planned',
  'approved',
  'in_progress',
  'on_hold',
  'completed',
  'rejected',
  'accepted',
];

const NON_TERMINAL = WORK_ORDER_STATES.filter((s) => !TERMINAL_STATES.includes(s));

/** Every legal move: action → (from state → to state). */
const TRANSITIONS: Record<WorkOrderAction, Partial<Record<WorkOrderState, WorkOrderState>>> = {
  plan: { proposed: 'planned' },
  approve: { planned: 'approved' },
  start: { approved: 'in_progress' },
  hold: { in_progress: 'on_hold' },
  resume: { on_hold: 'in_progress', rejected: 'in_progress' },
  complete: { in_progress: 'completed' },
  accept: { completed: 'accepted' },
  reject: { completed: 'rejected' },
  cancel: Object.fromEntries(NON_TERMINAL.map((s) => [s, 'cancelled'])),
};

export interface ActorRoles {
  isStudioHead: boolean;
  isInspector: boolean;
  isConservator: boolean;
}

type RoleFlag = keyof ActorRoles;

// Who moves an order on (restoration.md): conservators do the work, the studio head approves and
// cancels, the inspector accepts or rejects.
export const ACTION_ROLE: Readonly<Record<WorkOrderAction, RoleFlag>> = {
  plan: 'isConservator',
  approve: 'isStudioHead',
  start: 'isConservator',
  hold: 'isConservator',
  resume: 'isConservator',
  complete: 'isConservator',
  accept: 'isInspector',
  reject: 'isInspector',
  cancel: 'isStudioHead',
};

const ROLE_LABELS: Record<RoleFlag, { zh: string; en: string }> = {
  isStudioHead: { zh: '修复室负责人', en: 'studio head' },
  isInspector: { zh: '验收人', en: 'inspector' },
  isConservator: { zh: '修复师', en: 'conservator' },
};

/** A restoration role as appointed (studio_head, inspector), by the label of the role it gives. */
export function restorationRoleLabel(role: string): { zh: string; en: string } {
  const flag: RoleFlag | undefined =
    role === 'studio_head' ? 'isStudioHead' : role === 'inspector' ? 'isInspector' : undefined;
  return flag ? ROLE_LABELS[flag] : { zh: role, en: role };
}

export const REASON_REQUIRED: readonly WorkOrderAction[] = ['hold', 'reject', 'cancel'];
/** Acceptance is given with a quality rating (优 / 良 / 合格). */
export const RATING_REQUIRED: readonly WorkOrderAction[] = ['accept'];

export interface TransitionContext {
  actorId: string;
  actorRoles: ActorRoles;
  /** Who wrote the treatment plan. */
  plannerId?: string | null;
  /** Conservators who worked on the order. */
  workerIds: readonly string[];
  /** The item is graded 一级/二级 or on the precious list: its plan needs someone other than the planner to approve. */
  needsIndependentApproval: boolean;
  reason?: string | null;
  /** The order has a written plan (at least one technique): it can be marked planned. */
  hasPlan?: boolean;
  hasAfterAssessment?: boolean;
  hasAfterPhotos?: boolean;
}

export type TransitionErrorCode =
  | 'ILLEGAL_TRANSITION'
  | 'NOT_PERMITTED'
  | 'REASON_REQUIRED'
  | 'PLANNER_UNKNOWN'
  | 'PLAN_REQUIRED'
  | 'SAME_PERSON_APPROVAL'
  | 'SAME_PERSON_ACCEPTANCE'
  | 'AFTER_ASSESSMENT_REQUIRED'
  | 'AFTER_PHOTOS_REQUIRED';

export type TransitionResult =
  | { ok: true; from: WorkOrderState; action: WorkOrderAction; to: WorkOrderState }
  | {
      ok: false;
      code: TransitionErrorCode;
      allowedActions: WorkOrderAction[];
      messageZh: string;
      messageEn: string;
    };

function isState(v: string): v is WorkOrderState {
  return (WORK_ORDER_STATES as readonly string[]).includes(v);
}

function isAction(v: string): v is WorkOrderAction {
  return (WORK_ORDER_ACTIONS as readonly string[]).includes(v);
}

// Steps that move an order on; holding and cancelling are choices, never a step an order waits for.
const NEXT_STEPS: readonly WorkOrderAction[] = WORK_ORDER_ACTIONS.filter(
  (a) => a !== 'hold' && a !== 'cancel',
);

/** The states in which an order waits for someone in this role to take its next step (to-do counts). */
export function statesAwaiting(role: keyof ActorRoles): WorkOrderState[] {
  return WORK_ORDER_STATES.filter((state) =>
    NEXT_STEPS.some((a) => ACTION_ROLE[a] === role && TRANSITIONS[a][state] !== undefined),
  );
}

/** The actions that lead out of a state, whoever asks (an unknown state has none). */
export function allowedActions(state: WorkOrderState | string): WorkOrderAction[] {
  if (!isState(state)) return [];
  return WORK_ORDER_ACTIONS.filter((a) => TRANSITIONS[a][state] !== undefined);
}

function actionList(actions: readonly WorkOrderAction[], lang: 'zh' | 'en'): string {
  if (actions.length === 0) return lang === 'zh' ? '无（终态）' : 'none (final state)';
  return actions.map((a) => (lang === 'zh' ? ACTION_LABELS[a].zh : a)).join(lang === 'zh' ? '、' : ', ');
}

/** Decides whether an actor may take an action on a work order in a state, and where it leads. */
export function transition(
  state: WorkOrderState | string,
  action: WorkOrderAction | string,
  ctx: TransitionContext,
): TransitionResult {
  const allowed = allowedActions(state);
  const fail = (code: TransitionErrorCode, messageZh: string, messageEn: string): TransitionResult => ({
    ok: false,
    code,
    allowedActions: allowed,
    messageZh,
    messageEn,
  });

  const to = isState(state) && isAction(action) ? TRANSITIONS[action][state] : undefined;
  if (!isState(state) || !isAction(action) || to === undefined) {
    const stateZh = isState(state) ? `“${STATE_LABELS[state].zh}”` : `“${state}”（未知状态）`;
    const actionZh = isAction(action) ? `“${ACTION_LABELS[action].zh}”` : `“${action}”（未知操作）`;
    return fail(
      'ILLEGAL_TRANSITION',
      `工单状态 ${stateZh} 下不能执行操作 ${actionZh}；可执行：${actionList(allowed, 'zh')}`,
      `action "${action}" is not allowed on a work order in state "${state}"; allowed: ${actionList(allowed, 'en')}`,
    );
  }

  const role = ACTION_ROLE[action];
  if (!ctx.actorRoles[role]) {
    return fail(
      'NOT_PERMITTED',
      `您不是本工单的${ROLE_LABELS[role].zh}，不能执行“${ACTION_LABELS[action].zh}”：此操作须由${ROLE_LABELS[role].zh}执行`,
      `You are not a ${ROLE_LABELS[role].en} of this work order and cannot "${ACTION_LABELS[action].en}": only a ${ROLE_LABELS[role].en} may`,
    );
  }

  if (REASON_REQUIRED.includes(action) && (ctx.reason ?? '').trim() === '') {
    return fail(
      'REASON_REQUIRED',
      `“${ACTION_LABELS[action].zh}”须填写原因（reason 为空）`,
      `"${ACTION_LABELS[action].en}" needs a reason (reason is empty)`,
    );
  }

  if (action === 'plan' && ctx.hasPlan === false) {
    return fail(
      'PLAN_REQUIRED',
      '制定方案前须先填写修复方案（至少一种技法及理由）',
      'Write the treatment plan (at least one technique with its reason) before marking the order planned',
    );
  }

  if (action === 'approve' && ctx.needsIndependentApproval) {
    // Independence cannot be shown without knowing the planner, so an unknown planner is refused too.
    if (!ctx.plannerId) {
      return fail(
        'PLANNER_UNKNOWN',
        '该书为一级/二级古籍或入选珍贵古籍名录，方案须由制定者以外的人批准，但本工单没有记录方案制定人：请修复师先执行“制定修复方案”',
        'the item is graded 一级/二级 or on the precious list, so its plan must be approved by someone other than the planner, but this order has no recorded planner: a conservator must mark it planned first',
      );
    }
    if (ctx.plannerId === ctx.actorId) {
      return fail(
        'SAME_PERSON_APPROVAL',
        '您是方案制定人，不能批准自己的方案：一级/二级古籍或名录古籍的修复方案须由他人批准',
        "You wrote the plan and cannot approve it: plans for items graded 一级/二级 or on the precious list need someone else's approval",
      );
    }
  }

  if (action === 'accept' && ctx.workerIds.includes(ctx.actorId)) {
    return fail(
      'SAME_PERSON_ACCEPTANCE',
      '您参与了本工单的修复，不能验收：验收须由未参与修复的人进行',
      'You worked on this order and cannot accept it: acceptance must be by someone who did not work on it',
    );
  }

  if (action === 'complete') {
    if (ctx.hasAfterAssessment !== true) {
      return fail(
        'AFTER_ASSESSMENT_REQUIRED',
        '完成修复前须先做修复后的破损评估（本工单页“修复后评估”），以便对比修复前后的破损级别',
        'Assess the condition after treatment first ("after-treatment assessment" on this order\'s page), so damage before and after can be compared',
      );
    }
    if (ctx.hasAfterPhotos !== true) {
      return fail(
        'AFTER_PHOTOS_REQUIRED',
        '完成修复前须上传至少一张修复后照片（照片阶段选“修复后”）',
        'Upload at least one after-treatment photo (phase "after") before completing',
      );
    }
  }

  return { ok: true, from: state, action, to };
}

/** One action as the order's page offers it: open to the caller, or shown with why it is not yet. */
export interface ActionOffer {
  action: WorkOrderAction;
  label: { zh: string; en: string };
  /** The action asks for a reason (hold, reject, cancel). */
  needsReason: boolean;
  /** The action asks for a quality rating (accept). */
  needsRating: boolean;
  /** Why the action cannot be taken yet (the guard that fails), or null when it can. */
  blocked: { code: TransitionErrorCode; messageZh: string; messageEn: string } | null;
}

/**
 * The actions this state opens to the caller's roles, each with the guard that still blocks it, so
 * the page offers exactly what the server will accept and says why the rest must wait. Actions of
 * other roles are not the caller's work and are left out; the reason is asked for on submit.
 */
export function actionOffers(
  state: WorkOrderState | string,
  ctx: Omit<TransitionContext, 'reason'>,
): ActionOffer[] {
  return allowedActions(state)
    .filter((action) => ctx.actorRoles[ACTION_ROLE[action]])
    .map((action) => {
      const result = transition(state, action, { ...ctx, reason: 'offered' });
      return {
        action,
        label: ACTION_LABELS[action],
        needsReason: REASON_REQUIRED.includes(action),
        needsRating: RATING_REQUIRED.includes(action),
        blocked: result.ok
          ? null
          : { code: result.code, messageZh: result.messageZh, messageEn: result.messageEn },
      };
    });
}

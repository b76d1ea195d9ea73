import type { presentAssessment } from '../condition/condition.presenter.js';
import type { PresentedWorkOrder } from './work-order.presenter.js';

type Assessment = ReturnType<typeof presentAssessment>;

export interface RestorationRecordSource {
  readonly detail: PresentedWorkOrder;
  readonly item: {
    censusNumber: string;
    title: string;
    callNumber: string;
    edition: string | null;
    grade: string | null;
    preciousListNumber: string | null;
    institution: string;
  };
  readonly before: Assessment | null;
  readonly after: Assessment | null;
  readonly generatedAt: Date;
}

/**
 * The restoration record (修复档案): item identity, condition before and after (words and images), plan,
 * materials, techniques, log, personnel, totals and acceptance — the sections the draft sector standard asks for.
 */
export function presentRestorationRecord(src: RestorationRecordSource) {
  const d = src.detail;
  const photos = (phase: string) => d.photos.filter((p) => p.phase === phase);
  const personnel = new Map<string, { id: string; displayName: string; roles: Set<string> }>();
  const add = (p: { id: string; displayName: string } | null, role: string) => {
    if (!p) return;
    const entry = personnel.get(p.id) ?? { ...p, roles: new Set<string>() };
    entry.roles.add(role);
    personnel.set(p.id, entry);
  };
  add(d.plannedBy, '方案制定 planner');
  add(d.approvedBy, '方案批准 approver');
  for (const e of d.log) add(e.conservator, '修复 conservator');
  add(d.acceptance?.by ?? null, '验收 inspector');
  const techniques = [
    ...new Set([...(d.plan?.techniques ?? []).map((t) => t.technique), ...d.log.map((e) => e.step)]),
  ];
  return {
    workOrderId: d.id,
    state: d.state,
    stateLabel: d.stateLabel,
    item: src.item,
    holding: d.institution,
    centre: d.centre,
    condition: {
      before: { assessment: src.before, level: d.damageLevel.before, photos: photos('before') },
      after: { assessment: src.after, level: d.damageLevel.after, photos: photos('after') },
    },
    plan: d.plan,
    materials: d.materials,
    techniques,
    log: d.log,
    duringPhotos: photos('during'),
    personnel: [...personnel.values()].map((p) => ({
      id: p.id,
      displayName: p.displayName,
      roles: [...p.roles],
    })),
    totals: d.totals,
    custody: d.custody,
    acceptance: d.acceptance,
    history: d.history,
    manifest: d.manifest,
    generatedAt: src.generatedAt.toISOString(),
  };
}

export type RestorationRecord = ReturnType<typeof presentRestorationRecord>;

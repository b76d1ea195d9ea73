// Restoration statistics: leaves (叶) and items restored per month per institution and centre, open
// orders by state, and the average time orders spend in each state (restoration-statistics.repository.ts,
// grouped in SQL). Scoped like the work-order list.

import { requireActor, type Context } from '../kernel/context.js';
import { AppError } from '../kernel/app-error.js';
import {
  openOrdersByState,
  restoredByMonth,
  timeInStates,
  type OrderScope,
} from './restoration-statistics.repository.js';

function scopeFilter(scope: Context): OrderScope {
  const actor = requireActor(scope);
  if (actor.role === 'national_admin') return { sql: 'true', params: [] };
  if (actor.role === 'provincial_admin') return { sql: 'w.province_code = ?', params: [actor.provinceCode] };
  if (!actor.institutionId) {
    throw AppError.forbidden(
      '只有单位人员和管理员可以查看修复统计',
      'Only institution staff and admins see restoration statistics',
    );
  }
  return {
    sql: '(w.institution_id = ? or w.centre_id = ?)',
    params: [actor.institutionId, actor.institutionId],
  };
}

/** The three restoration figures for the caller's scope. */
export async function restorationStatistics(scope: Context) {
  const f = scopeFilter(scope);
  const em = scope.em;
  const [restored, open, durations] = await Promise.all([
    restoredByMonth(em, f),
    openOrdersByState(em, f),
    timeInStates(em, f),
  ]);
  return {
    restoredByMonth: restored.map((r) => ({
      month: r.month,
      institution: { id: r.institution_id, name: r.institution },
      centre: r.centre_id ? { id: r.centre_id, name: r.centre } : null,
      items: Number(r.items),
      leaves: Number(r.leaves),
      hours: Number(r.hours),
    })),
    openByState: Object.fromEntries(open.map((r) => [r.state, Number(r.count)])),
    averageTimeInState: durations.map((d) => ({
      state: d.state,
      visits: Number(d.visits),
      averageHours: Math.round((Number(d.avg_seconds) / 3600) * 100) / 100,
    })),
  };
}

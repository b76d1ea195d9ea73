// Restoration statistics straight in SQL (grouping over orders, log and state history is what the
// database does best): leaves (叶) and items restored per month per institution and centre, open orders
// by state, and the average time orders spend in each state. Scoped like the work-order list.

import { requireActor, type Context } from '../kernel/context.js';
import { AppError } from '../kernel/app-error.js';

function scopeFilter(scope: Context): { sql: string; params: unknown[] } {
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
  // An item counts as restored in the month its order was accepted (验收); its leaves are the log's total.
  const restored = await em.execute<
    Array<{
      month: string;
      institution_id: string;
      institution: string;
      centre_id: string | null;
      centre: string | null;
      items: string;
      leaves: string;
      hours: string;
    }>
  >(
    `select to_char(w.accepted_at at time zone 'Asia/Shanghai', 'YYYY-MM') as month,
            w.institution_id, i.name as institution, w.centre_id, c.name as centre,
            count(distinct w.record_id) as items,
            coalesce(sum(l.leaves), 0) as leaves, coalesce(sum(l.hours), 0) as hours
       from work_order w
       join institution i on i.id = w.institution_id
       left join institution c on c.id = w.centre_id
       left join (select work_order_id, sum(leaves_treated) as leaves, sum(hours) as hours
                    from work_order_log_entry group by work_order_id) l on l.work_order_id = w.id
      where w.state = 'accepted' and ${f.sql}
      group by 1, 2, 3, 4, 5
      order by 1, 3, 5 nulls first`,
    f.params,
  );
  const open = await em.execute<Array<{ state: string; count: string }>>(
    `select w.state, count(*) as count from work_order w
      where w.state not in ('accepted', 'cancelled') and ${f.sql}
      group by w.state order by w.state`,
    f.params,
  );
  // Time in a state = from entering it to the next move; states still occupied count up to now.
  const durations = await em.execute<Array<{ state: string; visits: string; avg_seconds: string }>>(
    `select t.to_state as state, count(*) as visits,
            avg(extract(epoch from (coalesce(t.next_at, now()) - t.at))) as avg_seconds
       from (select h.work_order_id, h.to_state, h.at,
                    lead(h.at) over (partition by h.work_order_id order by h.at, h.id) as next_at
               from work_order_transition h) t
       join work_order w on w.id = t.work_order_id
      where t.to_state not in ('accepted', 'cancelled') and ${f.sql}
      group by t.to_state order by t.to_state`,
    f.params,
  );
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

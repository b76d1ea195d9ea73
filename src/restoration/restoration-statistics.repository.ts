// The restoration statistics' queries: grouping over orders, their log and their state history is
// what the database does best. Each takes the caller's scope as a condition on work orders \`w\`.
import type { EntityManager } from '@mikro-orm/postgresql';

/** A condition on work orders aliased \`w\` and its parameters. */
export interface OrderScope {
  readonly sql: string;
  readonly params: unknown[];
}

/** Items and leaves restored per month (of acceptance, 验收, in China's time) per institution and centre. */
export function restoredByMonth(em: EntityManager, f: OrderScope) {
  // An item counts as restored in the month its order was accepted; its leaves are the log's total.
  return em.execute<
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
}

/** Orders neither accepted nor cancelled, counted by state. */
export function openOrdersByState(em: EntityManager, f: OrderScope) {
  return em.execute<Array<{ state: string; count: string }>>(
    `select w.state, count(*) as count from work_order w
      where w.state not in ('accepted', 'cancelled') and ${f.sql}
      group by w.state order by w.state`,
    f.params,
  );
}

/** Visits to each working state and their mean length in seconds. */
export function timeInStates(em: EntityManager, f: OrderScope) {
  // Time in a state = from entering it to the next move; states still occupied count up to now.
  return em.execute<Array<{ state: string; visits: string; avg_seconds: string }>>(
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
}

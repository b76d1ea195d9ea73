import type { EntityManager } from '@mikro-orm/postgresql';

/** Locks a work order's row for the rest of the transaction, so version checks cannot race. */
export async function lockWorkOrder(em: EntityManager, id: string): Promise<void> {
  await em.execute('select id from work_order where id = ? for update', [id]);
}

/** Locks a record's row, so two people raising an order for it at once do not both find none open. */
export async function lockRecordForNewOrder(em: EntityManager, recordId: string): Promise<void> {
  await em.execute('select id from census_record where id = ? for update', [recordId]);
}

/** Leaves treated and hours logged per work order (orders without log entries are left out). */
export async function logTotalsOf(
  em: EntityManager,
  orderIds: readonly string[],
): Promise<Map<string, { leaves: number; hours: number }>> {
  if (!orderIds.length) return new Map();
  const sums = await em.execute<Array<{ id: string; leaves: string; hours: string }>>(
    `select work_order_id as id, coalesce(sum(leaves_treated), 0) as leaves, coalesce(sum(hours), 0) as hours
       from work_order_log_entry where work_order_id in (${orderIds.map(() => '?').join(',')}) group by work_order_id`,
    [...orderIds],
  );
  return new Map(sums.map((s) => [s.id, { leaves: Number(s.leaves), hours: Number(s.hours) }]));
}

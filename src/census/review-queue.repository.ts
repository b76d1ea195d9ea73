// SQL of the reviewer's queue: its counts per status and institution, and each record's round.

import type { EntityManager } from '@mikro-orm/postgresql';
import type { RecordStatus } from '../domain/record.types.js';
import type { ActorContext } from './record-access.rules.js';
import { applyVisibility } from './record-list.repository.js';

/** Records of the given statuses the caller may see, counted per status and institution. */
export async function queueCounts(
  em: EntityManager,
  ctx: ActorContext,
  statuses: readonly RecordStatus[],
): Promise<Array<{ status: RecordStatus; institution_id: string; name: string; n: string }>> {
  const counting = em
    .getKnex()('census_record as r')
    .join('institution as i', 'i.id', 'r.institution_id')
    .whereIn('r.status', [...statuses]);
  applyVisibility(counting, ctx);
  return counting
    .select('r.status', 'r.institution_id', 'i.name')
    .count({ n: '*' })
    .groupBy('r.status', 'r.institution_id', 'i.name') as Promise<
    Array<{ status: RecordStatus; institution_id: string; name: string; n: string }>
  >;
}

/** The review round each record is in (records never submitted are absent). */
export async function reviewRounds(
  em: EntityManager,
  censusNumbers: readonly string[],
): Promise<Map<string, number>> {
  if (!censusNumbers.length) return new Map();
  const knex = em.getKnex();
  const rows = (await knex('review_event as e')
    .join('census_record as r', 'r.id', 'e.record_id')
    .whereIn('r.census_number', [...censusNumbers])
    .select('r.census_number')
    // A recalled submission never reached a reviewer: the next one continues its round.
    .select(
      knex.raw(
        "count(*) filter (where e.action = 'submit') - count(*) filter (where e.action = 'recall') as round",
      ),
    )
    .groupBy('r.census_number')) as Array<{ census_number: string; round: string }>;
  return new Map(rows.map((r) => [r.census_number, Number(r.round)]));
}

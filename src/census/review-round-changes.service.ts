import type { EntityManager } from '@mikro-orm/postgresql';
import type { CensusRecord } from './census-record.entity.js';
import { diffRecords, type FieldChange } from './record-diff.rules.js';
import { toRecordInput } from './record-body.js';
import { RecordVersionSchema } from './record-version.entity.js';
import type { ReviewEvent } from './review-event.entity.js';

/**
 * What the cataloguer changed since the reviewer last saw the record: the body as it was submitted
 * for the previous round against the body now — what a reviewer checks first in round 2 and after.
 * Null in the first round (there is nothing to compare with).
 */
export async function changesSincePreviousRound(
  em: EntityManager,
  record: CensusRecord,
  events: readonly ReviewEvent[],
): Promise<{ sinceRound: number; changes: FieldChange[] } | null> {
  const submits = events.filter((e) => e.action === 'submit');
  const current = submits.at(-1);
  if (!current || current.round < 2) return null;
  const previous = submits.filter((e) => e.round < current.round).at(-1);
  if (!previous) return null;
  // The version in force when the previous round was submitted.
  const [then] = await em.find(
    RecordVersionSchema,
    { record, at: { $lte: previous.at } },
    { orderBy: { version: 'desc' }, limit: 1 },
  );
  if (!then) return null;
  const institutionId = record.institution.id;
  return {
    sinceRound: previous.round,
    changes: diffRecords(
      toRecordInput(record.type, institutionId, then.snapshot),
      toRecordInput(record.type, institutionId, record.body),
    ),
  };
}

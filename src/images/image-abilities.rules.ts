// What a caller may do with a record's page images, as the images answer ships it: the page shows
// these and decides nothing itself. The write services check the same rule (image-access.service).

import type { ActorScope } from '../domain/permissions.rules.js';
import { canCatalogue } from '../census/record-access.rules.js';
import type { Label } from '../domain/record-labels.rules.js';
import { statusLabel } from '../domain/record-labels.rules.js';
import type { RecordStatus } from '../domain/record.types.js';
import { EDITABLE_WITH_REASON, FREELY_EDITABLE } from '../domain/record-workflow.rules.js';

/** The record facts the image rules look at. */
export interface ImageRecordScope {
  readonly institutionId: string;
  readonly provinceCode: string;
  readonly status: RecordStatus;
}

export interface ImageAbilities {
  /** Add page images after the last one. */
  readonly upload: boolean;
  /** Change page labels (one or many at once). */
  readonly relabel: boolean;
  /** Put the pages in another reading order. */
  readonly reorder: boolean;
  /** Replace the master file of a page. */
  readonly replace: boolean;
  /** Delete a page (later pages move up). */
  readonly delete: boolean;
}

/** Whether the actor works on this record's institution at all (its cataloguers and their admins). */
export function cataloguesRecord(actor: ActorScope | null, record: ImageRecordScope): boolean {
  return (
    actor !== null && canCatalogue(actor, { id: record.institutionId, provinceCode: record.provinceCode })
  );
}

/**
 * Images are part of what the reviewer checks: like the record's fields, they stay still while it is
 * under review (and after withdrawal). Null when they may change; otherwise why not, in both languages.
 */
export function imagesLockedBecause(status: RecordStatus): Label | null {
  if (FREELY_EDITABLE.includes(status) || EDITABLE_WITH_REASON.includes(status)) return null;
  const shown = statusLabel(status);
  return {
    zh: `记录处于「${shown.zh}」状态，不能修改其图像：审校期间不能修改图像，撤销后也不能。`,
    en: `The record is “${shown.en}”: its images cannot be changed while it is under review, nor after withdrawal.`,
  };
}

/** Every image step the actor may take on the record now. */
export function imageAbilities(actor: ActorScope | null, record: ImageRecordScope): ImageAbilities {
  const may = cataloguesRecord(actor, record) && imagesLockedBecause(record.status) === null;
  return { upload: may, relabel: may, reorder: may, replace: may, delete: may };
}

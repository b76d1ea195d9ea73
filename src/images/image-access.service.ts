import type { EntityManager } from '@mikro-orm/postgresql';
import { CensusRecordSchema, type CensusRecord } from '../census/census-record.entity.js';
import { canViewRecord } from '../census/record-access.rules.js';
import { actorContext } from '../census/record-access.service.js';
import { AppError } from '../kernel/app-error.js';
import { requireActor, type Context } from '../kernel/context.js';
import type { Actor } from '../kernel/actor.js';
import { RecordImageSchema, type RecordImage } from './record-image.entity.js';
import { grantedCentreSeesImage } from '../restoration/restoration-image-access.js';
import { cataloguesRecord, imagesLockedBecause, type ImageRecordScope } from './image-abilities.rules.js';

/** The facts of a record the image rules look at. */
export function imageRecordScope(record: CensusRecord): ImageRecordScope {
  return { institutionId: record.institution.id, provinceCode: record.provinceCode, status: record.status };
}

/** A record whose images the caller may change (404 unknown, 403 other institutions). */
export async function loadRecordForImageWrite(
  scope: Context,
  censusNumber: string,
  em: EntityManager = scope.em,
): Promise<{ actor: Actor; record: CensusRecord }> {
  const actor = requireActor(scope);
  const record = await em.findOne(CensusRecordSchema, { censusNumber }, { populate: ['institution'] });
  if (!record) throw AppError.notFound(`Record ${censusNumber}`, `记录 ${censusNumber} `);
  if (!cataloguesRecord(actor, imageRecordScope(record))) {
    throw AppError.forbidden('无权管理该记录的图像', "You may not manage this record's images");
  }
  const locked = imagesLockedBecause(record.status);
  if (locked) throw AppError.conflict('RECORD_LOCKED', locked.zh, locked.en);
  return { actor, record };
}

/** An image the caller may change, with its record. */
export async function loadImageForWrite(
  scope: Context,
  imageId: string,
  em: EntityManager = scope.em,
): Promise<{ actor: Actor; image: RecordImage; record: CensusRecord }> {
  const image = await em.findOne(RecordImageSchema, { id: imageId }, { populate: ['record'] });
  if (!image) throw AppError.notFound(`Image ${imageId}`, `图像 ${imageId} `);
  const { actor, record } = await loadRecordForImageWrite(scope, image.record.censusNumber, em);
  return { actor, image, record };
}

/**
 * Whether the caller may see a record's images: the record's own visibility rules, or (for one image)
 * a restoration centre granted the record's restoration.
 */
export async function canViewRecordImages(
  scope: Context,
  record: CensusRecord,
  imageId?: string,
): Promise<boolean> {
  const context = scope.actor ? await actorContext(scope.em, scope.actor) : null;
  const visible = canViewRecord(context, {
    institutionId: record.institution.id,
    provinceCode: record.provinceCode,
    status: record.status,
    assignedReviewerId: record.assignedReviewer?.id ?? null,
  });
  if (visible || !imageId) return visible;
  return grantedCentreSeesImage(scope.em, scope.actor ?? null, imageId);
}

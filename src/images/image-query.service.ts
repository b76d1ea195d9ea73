import { CensusRecordSchema } from '../census/census-record.entity.js';
import { AppError } from '../kernel/app-error.js';
import type { Context } from '../kernel/context.js';
import { imageRecordScope, type ImageAccess } from './image-access.service.js';
import { cataloguesRecord, imageAbilities, imagesLockedBecause } from './image-abilities.rules.js';
import { presentImage } from './image.presenter.js';
import { RecordImageSchema } from './record-image.entity.js';

/** The images of a record in reading order, for whoever may see the record. */
export async function listImagesOfRecord(
  scope: Context,
  access: ImageAccess,
  publicUrl: string,
  censusNumber: string,
) {
  const record = await scope.em.findOne(CensusRecordSchema, { censusNumber }, { populate: ['institution'] });
  if (!record || !(await access.canViewRecordImages(scope, record))) {
    throw AppError.notFound(`Record ${censusNumber}`, `记录 ${censusNumber} `);
  }
  // Restoration photos document a treatment, not the book: they belong to the work order's manifest.
  const images = await access.pageImages(scope.em, record.id);
  const facts = imageRecordScope(record);
  const actor = scope.actor ?? null;
  return {
    items: images.map((i) => presentImage(i, publicUrl, censusNumber)),
    abilities: imageAbilities(actor, facts),
    lockedReason: cataloguesRecord(actor, facts) ? imagesLockedBecause(record.status) : null,
  };
}

/** One image, for whoever may see its record. */
export async function getImage(scope: Context, access: ImageAccess, publicUrl: string, imageId: string) {
  const image = await scope.em.findOne(RecordImageSchema, { id: imageId }, { populate: ['record'] });
  if (!image || !(await access.canViewRecordImages(scope, image.record, image.id))) {
    throw AppError.notFound(`Image ${imageId}`, `图像 ${imageId} `);
  }
  return presentImage(image, publicUrl, image.record.censusNumber);
}

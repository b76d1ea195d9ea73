// Who may see and who may change an image. Seeing is one rule for the Image API and for every place
// that offers a picture of it (the image list, manifests, the catalogue's thumbnails): offering a
// thumbnail the Image API then refuses, or hiding one it would send, is the bug this file exists to
// prevent. Other features extend the rule through `ImageAccessExtension` (image-access-extension.ts).

import type { EntityManager } from '@mikro-orm/postgresql';
import { CensusRecordSchema, type CensusRecord } from '../census/census-record.entity.js';
import { canViewRecord, canViewWorkflow } from '../census/record-access.rules.js';
import { actorContext } from '../census/record-access.service.js';
import { imagesArePublic, type RightsStatement } from '../institutions/rights-statement.rules.js';
import { readsOnSite } from '../institutions/on-site-networks.rules.js';
import { AppError } from '../kernel/app-error.js';
import { requireActor, type Context } from '../kernel/context.js';
import type { Actor } from '../kernel/actor.js';
import { RecordImageSchema, type RecordImage } from './record-image.entity.js';
import type { ImageAccessExtension } from './image-access-extension.js';
import { cataloguesRecord, imagesLockedBecause, type ImageRecordScope } from './image-abilities.rules.js';
import { listRecordImages } from './record-images.service.js';

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

/** What deciding access needs to know about an image and its record. */
export interface ImageAccessSubject {
  readonly id: string;
  readonly published: boolean;
  /** The holding institution's rights statement: who besides its staff is sent the image. */
  readonly rights: RightsStatement;
  /** The holding institution's reading-room networks (CIDR): on-site readers of `on_site` images. */
  readonly onSiteNetworks: readonly string[];
  readonly record: {
    institutionId: string;
    provinceCode: string;
    status: string;
    assignedReviewerId: string | null;
  };
}

/** Images' access rule with the extensions other features add; built once in src/app/app-deps.ts. */
export class ImageAccess {
  constructor(private readonly extensions: readonly ImageAccessExtension[] = []) {}

  /**
   * 'ok', or why the caller may not see the image: 'unauthenticated' (401: unpublished, nobody signed
   * in), 'forbidden' (403), or 'restricted' (403: published, but its institution's rights statement
   * keeps the images from the public). Whoever may see the record's workflow — its institution's
   * staff, their province's and the national administrators, its reviewer — and whom an extension
   * lets see the image (a restoration centre granted the record) still see restricted images: they
   * work with them. So does anyone whose address (`ctx.ip`, which honours TRUST_PROXY) lies in the
   * holding institution's reading-room networks when its statement is `on_site` — such answers are
   * `private` like every restricted image's.
   */
  async decide(
    em: EntityManager,
    actor: Actor | null,
    image: ImageAccessSubject,
    address: string,
  ): Promise<'ok' | 'unauthenticated' | 'forbidden' | 'restricted'> {
    const restricted = image.published && !imagesArePublic(image.rights);
    if (image.published && !restricted) return 'ok';
    if (restricted && readsOnSite(image.rights, image.onSiteNetworks, address)) return 'ok';
    if (!actor) return restricted ? 'restricted' : 'unauthenticated';
    const context = await actorContext(em, actor);
    const record = image.record as Parameters<typeof canViewRecord>[1];
    if (restricted ? canViewWorkflow(context, record) : canViewRecord(context, record)) return 'ok';
    if (await this.extensionShows(em, actor, image.id)) return 'ok';
    return restricted ? 'restricted' : 'forbidden';
  }

  /**
   * Whether the caller may see a record's images in the image API: the record's own visibility
   * rules, or (for one image) an extension that shows it (a restoration centre granted the record).
   */
  async canViewRecordImages(scope: Context, record: CensusRecord, imageId?: string): Promise<boolean> {
    const context = scope.actor ? await actorContext(scope.em, scope.actor) : null;
    const visible = canViewRecord(context, {
      institutionId: record.institution.id,
      provinceCode: record.provinceCode,
      status: record.status,
      assignedReviewerId: record.assignedReviewer?.id ?? null,
    });
    if (visible || !imageId || !scope.actor) return visible;
    return this.extensionShows(scope.em, scope.actor, imageId);
  }

  /** The pages of a record in reading order: its images but those an extension claims (restoration photos). */
  async pageImages(em: EntityManager, recordId: string): Promise<RecordImage[]> {
    const images = await listRecordImages(em, recordId);
    const notPages = new Set<string>();
    for (const extension of this.extensions)
      for (const id of await extension.notPages(em, recordId)) notPages.add(id);
    return images.filter((i) => !notPages.has(i.id));
  }

  private async extensionShows(em: EntityManager, actor: Actor, imageId: string): Promise<boolean> {
    for (const extension of this.extensions) if (await extension.seesImage(em, actor, imageId)) return true;
    return false;
  }
}

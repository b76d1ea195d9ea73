// Who is sent an image — one rule for the Image API and for every place that offers a picture of
// it (the catalogue's thumbnails): offering a thumbnail the Image API then refuses, or hiding one
// it would send, is the bug this file exists to prevent.

import type { EntityManager } from '@mikro-orm/postgresql';
import type { Actor } from '../kernel/actor.js';
import { canViewRecord, canViewWorkflow } from '../census/record-access.rules.js';
import { actorContext } from '../census/record-access.service.js';
import { imagesArePublic, type RightsStatement } from '../institutions/rights-statement.rules.js';
import { readsOnSite } from '../institutions/on-site-networks.rules.js';
import { grantedCentreSeesImage } from '../restoration/restoration-image-access.js';

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

/**
 * 'ok', or why the caller may not see the image: 'unauthenticated' (401: unpublished, nobody signed
 * in), 'forbidden' (403), or 'restricted' (403: published, but its institution's rights statement
 * keeps the images from the public). Whoever may see the record's workflow — its institution's staff,
 * their province's and the national administrators, its reviewer — and a restoration centre granted
 * the image still see restricted images: they work with them. So does anyone whose address
 * (`ctx.ip`, which honours TRUST_PROXY) lies in the holding institution's reading-room networks when
 * its statement is `on_site` — such answers are `private` like every restricted image's.
 */
export async function imageAccess(
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
  if (await grantedCentreSeesImage(em, actor, image.id)) return 'ok';
  return restricted ? 'restricted' : 'forbidden';
}

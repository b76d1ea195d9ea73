// The typed extension point of images' access rule. Images owns "may this actor see this image";
// another feature that gives people a reason to see a record's images (restoration: a centre
// treating the book) fills this interface, and src/app/app-deps.ts hands the implementation to
// `ImageAccess` — so images imports none of the features that extend it.

import type { EntityManager } from '@mikro-orm/postgresql';
import type { Actor } from '../kernel/actor.js';

/** What a feature adds to images' access rule. */
export interface ImageAccessExtension {
  /** Whether the actor sees the image although the record's own rules would not show it to them. */
  seesImage(em: EntityManager, actor: Actor, imageId: string): Promise<boolean>;
  /**
   * The record's images that are not pages of the book (restoration photos document a treatment):
   * left out of the record's image list and its manifest.
   */
  notPages(em: EntityManager, recordId: string): Promise<ReadonlySet<string>>;
}

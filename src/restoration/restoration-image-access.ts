// Restoration's part of images' access rule (src/images/image-access-extension.ts), wired in
// src/app/app-deps.ts: images asks, restoration answers, and images imports nothing of restoration.

import type { ImageAccessExtension } from '../images/image-access-extension.js';
import { centreGrantedImage, restorationPhotoIds } from './restoration-image.repository.js';

export const restorationImageAccess: ImageAccessExtension = {
  /**
   * A conservator of a restoration centre holding an active grant for the image's record: the centre
   * treats the book and documents it, so it must see the images even while the record itself is
   * unpublished and outside the centre's institution (the work order's rule: its granted centre works
   * on it while the grant is active).
   */
  async seesImage(em, actor, imageId) {
    if (actor.role !== 'conservator' || !actor.institutionId) return false;
    return centreGrantedImage(em, actor.institutionId, imageId);
  },
  /** Restoration photos document a treatment, not the book's pages: they belong to the work order's manifest. */
  notPages: restorationPhotoIds,
};

// The canonical form of a whole-image-or-tile request, which is how the tile pack indexes its
// entries: the derivative writer names each stored tile by it, delivery looks tiles up by it.
// In the shared domain with the calculator it uses: images (the writer) and iiif (delivery) both
// need it, and neither may import the other.

import { isImageRequestError, parseImageRequest, planImageRequest } from './image-request.rules.js';
import { IIIF_LIMITS } from './image-service.config.js';

/** Canonical IIIF path of a grid tile or thumbnail request at this image's size. */
export function canonicalPath(
  region: string,
  size: string,
  image: { width: number; height: number },
): string | undefined {
  const parsed = parseImageRequest({ region, size, rotation: '0', quality: 'default', format: 'jpg' });
  if (isImageRequestError(parsed)) return undefined;
  const plan = planImageRequest(parsed, image, IIIF_LIMITS);
  return isImageRequestError(plan) ? undefined : plan.canonical.path;
}

import type { ImageLimits } from './image-request.rules.js';

/** Edge of the square tiles advertised in info.json and pre-generated for every image. */
export const TILE_SIZE = 512;

/** Whole-image sizes up to this edge are pre-generated as thumbnails. */
export const THUMBNAIL_MAX = 1024;

/**
 * Largest output the service renders. Generous enough for `full/max` of a 6000×8000 page; a
 * larger master is offered scaled down, as the spec allows (maxArea).
 */
export const IIIF_LIMITS: ImageLimits = { maxWidth: 12000, maxHeight: 12000, maxArea: 64_000_000 };

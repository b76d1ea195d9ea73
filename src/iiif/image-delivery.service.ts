import type { EntityManager } from '@mikro-orm/postgresql';
import type { ObjectStore } from '../object-store/object-store.js';
import { isRenderTimeout, pyramidLevels, renderFromPyramid } from '../images/image-processor.js';
import type { PyramidCache } from '../images/pyramid-cache.js';
import { findDeliverable, nextReadyPages, type DeliverableImage } from './image-delivery.repository.js';
import { buildImageInfo } from '../domain/iiif/image-info.rules.js';
import type { ImagePlan } from '../domain/iiif/image-request.rules.js';
import type { ImageResponseCache } from './image-cache.js';
import type { TilePackReader } from '../tile-pack/tile-pack-reader.js';
import { TILE_SIZE } from '../domain/iiif/image-service.config.js';
import { RenderDeadlineError, type RenderQueue } from './render-queue.js';
import type { ImageLimits } from '../domain/iiif/image-request.rules.js';

// Tiles arrive by the hundred per page view; a second-old answer saves a query per tile. Access
// changes (unpublishing, the rights statement, the reading-room networks) therefore take effect
// within a second. The entry holds facts about the image, never a decision: whether the reader's
// address is on site is worked out for every request (ImageAccess.decide).
const LOOKUP_TTL_MS = 1000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The info.json of an image served at `baseUri`, advertising the service's limits. */
export function imageInfo(baseUri: string, image: DeliverableImage, limits: ImageLimits) {
  return buildImageInfo({
    id: baseUri,
    width: image.width,
    height: image.height,
    tileSize: TILE_SIZE,
    maxWidth: limits.maxWidth,
    maxHeight: limits.maxHeight,
    maxArea: limits.maxArea,
    httpFeatures: ['canonicalLinkHeader', 'profileLinkHeader'],
  });
}

/** How many pages after the one being opened are warmed (reading order = sequence). */
const WARM_AHEAD = 2;

/**
 * Delivery with what it keeps between requests — the one-second image lookups, the pyramid levels
 * of local files, encoded responses — and the app's pyramid cache and tile-pack reader. One per app,
 * built in src/app/app-deps.ts: held by the app, not by this module.
 */
export class ImageDelivery {
  private readonly lookups = new Map<string, { at: number; image: DeliverableImage | null }>();
  private readonly levelsOf = new Map<string, Array<{ width: number; height: number }>>();
  private generation = 0;

  constructor(
    private readonly store: ObjectStore,
    private readonly pyramids: PyramidCache,
    private readonly tilePacks: TilePackReader,
    private readonly responses: ImageResponseCache,
  ) {}

  /** The image with its record's access facts, or null when unknown. */
  async find(em: EntityManager, id: string): Promise<DeliverableImage | null> {
    if (!UUID.test(id)) return null;
    const key = id.toLowerCase();
    const hit = this.lookups.get(key);
    if (hit && Date.now() - hit.at < LOOKUP_TTL_MS) return hit.image;
    const generation = this.generation;
    const image = await findDeliverable(em, key);
    // A change heard while the lookup ran: its answer may predate the change, so it is not kept.
    if (generation !== this.generation) return image;
    if (this.lookups.size > 10_000) this.lookups.clear();
    this.lookups.set(key, { at: Date.now(), image });
    return image;
  }

  /**
   * The catalogue changed (heard from PostgreSQL, or a write through this instance): every image is
   * looked up afresh, so no answer — nor the shared cache that keeps public ones — outlives the
   * change by the lookups' second.
   */
  changed(): void {
    this.generation += 1;
    this.lookups.clear();
  }

  setListening(): void {
    this.changed();
  }

  /**
   * Renders (or fetches) the bytes of one planned request: the LRU first, then the stored tile pack
   * (grid tiles and thumbnails), else a render from the pyramid in a slot of the render queue
   * (RenderQueueFullError / RenderDeadlineError when it cannot be done in time).
   */
  async bytes(renders: RenderQueue, image: DeliverableImage, plan: ImagePlan): Promise<Buffer> {
    const cacheKey = `${image.id}:${image.sha256}:${plan.canonical.path}`;
    const cached = this.responses.get(cacheKey);
    if (cached) return cached;
    if (plan.rotation === 0 && !plan.mirror && plan.quality === 'default' && plan.format === 'jpg') {
      // A view of a cached block of the pack: not copied into the response cache too.
      const tile = await this.tilePacks.packedTile(image, plan.canonical.path);
      if (tile) return tile;
    }
    const bytes = await renders.run(async (remainingMs) => {
      const file = await this.pyramids.local(this.store, image.id, image.sha256);
      let levels = this.levelsOf.get(file);
      if (!levels) {
        levels = await pyramidLevels(file);
        this.levelsOf.set(file, levels);
      }
      return renderFromPyramid(file, levels, plan, { timeoutMs: remainingMs }).catch((error: unknown) => {
        throw isRenderTimeout(error) ? new RenderDeadlineError() : error;
      });
    });
    this.responses.set(cacheKey, bytes);
    return bytes;
  }

  /**
   * Warms the page a viewer opens (its info.json) and the next pages of the record in reading order
   * (TilePackReader.warmPages): the page opens, and the reader turning the page finds its first view,
   * from memory. Background work only, bounded by the range reader; failures are ignored.
   */
  warmNextPages(em: EntityManager, image: DeliverableImage): void {
    void nextReadyPages(em, image.id, WARM_AHEAD)
      .catch(() => [])
      .then((next) => this.tilePacks.warmPages(image, next));
  }
}

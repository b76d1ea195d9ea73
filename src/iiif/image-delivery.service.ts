import type { EntityManager } from '@mikro-orm/postgresql';
import type { RightsStatement } from '../institutions/rights-statement.rules.js';
import type { ObjectStore } from '../object-store/object-store.js';
import { isRenderTimeout, pyramidLevels, renderFromPyramid } from '../images/image-processor.js';
import type { PyramidCache } from '../images/pyramid-cache.js';
import type { ImageAccessSubject } from '../images/image-access.service.js';
import { buildImageInfo } from '../domain/iiif/image-info.rules.js';
import type { ImagePlan } from '../domain/iiif/image-request.rules.js';
import type { ImageResponseCache } from './image-cache.js';
import type { TilePackReader } from '../tile-pack/tile-pack-reader.js';
import { TILE_SIZE } from '../domain/iiif/image-service.config.js';
import { RenderDeadlineError, type RenderQueue } from './render-queue.js';
import type { ImageLimits } from '../domain/iiif/image-request.rules.js';

/** What delivery needs to know about an image and its record. */
export interface DeliverableImage extends ImageAccessSubject {
  readonly width: number;
  readonly height: number;
  readonly status: 'processing' | 'ready' | 'failed';
  readonly sha256: string;
}

// Tiles arrive by the hundred per page view; a second-old answer saves a query per tile. Access
// changes (unpublishing, the rights statement, the reading-room networks) therefore take effect
// within a second. The entry holds facts about the image, never a decision: whether the reader's
// address is on site is worked out for every request (ImageAccess.decide).
const LOOKUP_TTL_MS = 1000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The image with its record's access facts, or null when unknown; `lookups` is the app's (ImageDelivery). */
async function findDeliverableImage(
  em: EntityManager,
  lookups: Map<string, { at: number; image: DeliverableImage | null }>,
  id: string,
): Promise<DeliverableImage | null> {
  if (!UUID.test(id)) return null;
  const key = id.toLowerCase();
  const hit = lookups.get(key);
  if (hit && Date.now() - hit.at < LOOKUP_TTL_MS) return hit.image;
  const rows = await em.execute<
    Array<{
      id: string;
      width: number;
      height: number;
      status: DeliverableImage['status'];
      sha256: string;
      record_status: string;
      institution_id: string;
      province_code: string;
      assigned_reviewer_id: string | null;
      rights_statement: RightsStatement;
      on_site_networks: string[] | null;
    }>
  >(
    `select i.id, i.width, i.height, i.status, i.sha256, r.status as record_status, r.institution_id,
            r.province_code, r.assigned_reviewer_id, inst.rights_statement, inst.on_site_networks
       from record_image i join census_record r on r.id = i.record_id
       join institution inst on inst.id = r.institution_id where i.id = ?`,
    [key],
  );
  const row = rows[0];
  const image: DeliverableImage | null = row
    ? {
        id: row.id,
        width: row.width,
        height: row.height,
        status: row.status,
        sha256: row.sha256,
        published: row.record_status === 'published',
        rights: row.rights_statement,
        onSiteNetworks: row.on_site_networks ?? [],
        record: {
          institutionId: row.institution_id,
          provinceCode: row.province_code,
          status: row.record_status,
          assignedReviewerId: row.assigned_reviewer_id,
        },
      }
    : null;
  if (lookups.size > 10_000) lookups.clear();
  lookups.set(key, { at: Date.now(), image });
  return image;
}

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

  constructor(
    private readonly store: ObjectStore,
    private readonly pyramids: PyramidCache,
    private readonly tilePacks: TilePackReader,
    private readonly responses: ImageResponseCache,
  ) {}

  /** The image with its record's access facts, or null when unknown. */
  find(em: EntityManager, id: string): Promise<DeliverableImage | null> {
    return findDeliverableImage(em, this.lookups, id);
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
    void em
      .execute<Array<{ id: string; sha256: string; width: number; height: number }>>(
        `select n.id, n.sha256, n.width, n.height from record_image i
           join record_image n on n.record_id = i.record_id and n.sequence > i.sequence and n.status = 'ready'
          where i.id = ? order by n.sequence limit ${WARM_AHEAD}`,
        [image.id],
      )
      .catch(() => [])
      .then((next) => this.tilePacks.warmPages(image, next));
  }
}

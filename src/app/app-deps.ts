import type { Config } from '../config/config.js';
import type { Deps, RecordsChangedListener } from '../kernel/deps.js';
import type { ObjectStore } from '../object-store/object-store.js';
import type { ImportWorker } from '../imports/import-worker.js';
import type { DerivativeWorker } from '../images/derivative-worker.js';
import type { RenderQueue } from '../iiif/render-queue.js';
import { ImageAccess } from '../images/image-access.service.js';
import { PyramidCache } from '../images/pyramid-cache.js';
import { ImageResponseCache } from '../iiif/image-cache.js';
import { ImageDelivery } from '../iiif/image-delivery.service.js';
import { TilePackReader } from '../tile-pack/tile-pack-reader.js';
import { restorationImageAccess } from '../restoration/restoration-image-access.js';
import '../images/image-deps.js';
import '../search/search-deps.js';
import { followChangedRecords } from '../search/catalogue-follow.service.js';
import { refreshTriageStates } from '../triage/triage-state.repository.js';
import type { PublicPageCache } from '../public-pages/page-cache.js';
import type { SharedResponseCache } from '../http-cache/shared-response-cache.js';
import { Caches } from '../kernel/caches.js';

/** Long-lived collaborators shared by every request: the kernel's `Deps` with the concrete workers and caches. */
export interface AppDeps extends Deps, ImageDeps {
  /** Background worker for imports; absent in contexts that only read. */
  readonly importWorker?: ImportWorker;
  /** Background worker for image derivatives (tiles, pyramid, thumbnails). */
  readonly derivativeWorker?: DerivativeWorker;
  /** Bounds IIIF renders; absent: the image routes make their own from the configuration. */
  readonly imageRenders?: RenderQueue;
  /** Rendered public pages (kept listening to changes by http-cache/change-listener.ts); absent: none kept. */
  readonly publicPages?: PublicPageCache;
  /** Public Image API responses kept in front of the app (request-handler.ts); absent: none. */
  readonly sharedResponses?: SharedResponseCache;
}

/** What images, the tile pack and the IIIF Image API keep for the life of the app. */
export interface ImageDeps {
  /** Who may see an image, with the features that extend the rule. */
  readonly imageAccess: ImageAccess;
  /** Local copies of image pyramids: the derivative worker fills it, the Image API reads it. */
  readonly pyramids: PyramidCache;
  /** Pack indexes and the range reader's kept spans: the Image API and the book PDFs read through it. */
  readonly tilePacks: TilePackReader;
  /** The Image API's lookups and response cache, over the two above. */
  readonly imageDelivery: ImageDelivery;
}

/** Encoded IIIF responses kept in memory (the tiles a reader pages back to). */
const IMAGE_RESPONSE_CACHE_BYTES = 128 * 1024 * 1024;

/**
 * Images' access rule with the features that extend it: restoration (a granted centre sees the
 * record's images; work-order photos are not pages of the book). Images imports none of them.
 */
export function imageAccessRule(): ImageAccess {
  return new ImageAccess([restorationImageAccess]);
}

/**
 * What images brings to the app, built once per app (main.ts, the tests' app) and handed to the
 * workers and routes — never module globals, so two apps in one process share nothing.
 */
export function imageDeps(config: Config, objectStore: ObjectStore): ImageDeps {
  const pyramids = new PyramidCache(config.pyramidCache);
  const tilePacks = new TilePackReader(objectStore);
  return {
    imageAccess: imageAccessRule(),
    pyramids,
    tilePacks,
    imageDelivery: new ImageDelivery(
      objectStore,
      pyramids,
      tilePacks,
      new ImageResponseCache(IMAGE_RESPONSE_CACHE_BYTES),
    ),
  };
}

/**
 * What follows a change of census records, in the transaction that made it: the public catalogue
 * follows published records, and the triage list re-ranks the records (one set-based statement).
 * Census, condition, grading and the imports call this; none of them imports search or triage.
 */
export function afterRecordsChanged(): RecordsChangedListener {
  const listeners: readonly RecordsChangedListener[] = [followChangedRecords, refreshTriageStates];
  return async (em, recordIds) => {
    for (const listener of listeners) await listener(em, recordIds);
  };
}

/** The caches of one app: built once per app (main.ts, each test app), never shared between apps. */
export function createAppCaches(): Caches {
  return new Caches();
}

import type { Deps, RecordsChangedListener } from '../kernel/deps.js';
import type { ImportWorker } from '../imports/import-worker.js';
import type { DerivativeWorker } from '../images/derivative-worker.js';
import type { RenderQueue } from '../iiif/render-queue.js';
import { ImageAccess } from '../images/image-access.service.js';
import { restorationImageAccess } from '../restoration/restoration-image-access.js';
import '../images/image-deps.js';
import { followChangedRecords } from '../search/catalogue-follow.service.js';
import { refreshTriageStates } from '../triage/triage-state.repository.js';
import type { PublicPageCache } from '../public-pages/page-cache.js';
import { Caches } from '../kernel/caches.js';

/** Long-lived collaborators shared by every request: the kernel's `Deps` with the concrete workers and caches. */
export interface AppDeps extends Deps {
  /** Background worker for imports; absent in contexts that only read. */
  readonly importWorker?: ImportWorker;
  /** Background worker for image derivatives (tiles, pyramid, thumbnails). */
  readonly derivativeWorker?: DerivativeWorker;
  /** Bounds IIIF renders; absent: the image routes make their own from the configuration. */
  readonly imageRenders?: RenderQueue;
  /** Rendered public pages (kept listening to changes by page-cache-listener.ts); absent: none kept. */
  readonly publicPages?: PublicPageCache;
}

/**
 * What images brings to the app, built once per app (main.ts, the CLI, the tests' app): its access
 * rule with the features that extend it — restoration (a granted centre sees the record's images;
 * work-order photos are not pages of the book).
 */
export function imageDeps(): Pick<AppDeps, 'imageAccess'> {
  return { imageAccess: new ImageAccess([restorationImageAccess]) };
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

import type { Deps } from '../kernel/deps.js';
import type { ImportWorker } from '../census/import/import-worker.js';
import type { DerivativeWorker } from '../images/derivative-worker.js';
import type { RenderQueue } from '../iiif/render-queue.js';
import { Caches } from '../kernel/caches.js';

/** Long-lived collaborators shared by every request: the kernel's `Deps` with the concrete workers and caches. */
export interface AppDeps extends Deps {
  /** Background worker for imports; absent in contexts that only read. */
  readonly importWorker?: ImportWorker;
  /** Background worker for image derivatives (tiles, pyramid, thumbnails). */
  readonly derivativeWorker?: DerivativeWorker;
  /** Bounds IIIF renders; absent: the image routes make their own from the configuration. */
  readonly imageRenders?: RenderQueue;
}

/** The caches of one app: built once per app (main.ts, each test app), never shared between apps. */
export function createAppCaches(): Caches {
  return new Caches();
}

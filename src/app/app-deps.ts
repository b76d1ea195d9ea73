import type { Deps } from '../kernel/deps.js';
import type { ImportWorker } from '../census/import/import-worker.js';
import type { DerivativeWorker } from '../images/derivative-worker.js';
import type { RenderQueue } from '../iiif/render-queue.js';
import { ImageAccess } from '../images/image-access.service.js';
import { restorationImageAccess } from '../restoration/restoration-image-access.js';
import '../images/image-deps.js';

/** Long-lived collaborators shared by every request: the kernel's `Deps` with the concrete workers and caches. */
export interface AppDeps extends Deps {
  /** Background worker for imports; absent in contexts that only read. */
  readonly importWorker?: ImportWorker;
  /** Background worker for image derivatives (tiles, pyramid, thumbnails). */
  readonly derivativeWorker?: DerivativeWorker;
  /** Bounds IIIF renders; absent: the image routes make their own from the configuration. */
  readonly imageRenders?: RenderQueue;
}

/**
 * What images brings to the app, built once per app (main.ts, the CLI, the tests' app): its access
 * rule with the features that extend it — restoration (a granted centre sees the record's images;
 * work-order photos are not pages of the book).
 */
export function imageDeps(): Pick<AppDeps, 'imageAccess'> {
  return { imageAccess: new ImageAccess([restorationImageAccess]) };
}

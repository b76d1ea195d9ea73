import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import type { Config } from '../config/config.js';
import type { ObjectStore } from '../object-store/object-store.js';
import type { ImportWorker } from '../census/import/import-worker.js';
import type { DerivativeWorker } from '../images/derivative-worker.js';
import type { RenderQueue } from '../iiif/render-queue.js';

/** Long-lived collaborators shared by every request. */
export interface AppDeps {
  readonly config: Config;
  readonly orm: MikroORM;
  readonly objectStore: ObjectStore;
  readonly logger: Logger;
  /** Background worker for imports; absent in contexts that only read. */
  readonly importWorker?: ImportWorker;
  /** Background worker for image derivatives (tiles, pyramid, thumbnails). */
  readonly derivativeWorker?: DerivativeWorker;
  /** Bounds IIIF renders; absent: the image routes make their own from the configuration. */
  readonly imageRenders?: RenderQueue;
}

import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import type { Config } from '../config/config.js';
import type { ObjectStore } from '../object-store/object-store.js';
import type { Caches } from './caches.js';
import type { SpareTime } from './spare-time.js';

/** A background worker that a route wakes after it has stored work for it. */
export interface Wakeable {
  kick(): void;
}

/**
 * Work other features do when census records were created or changed (their ids): called inside
 * the transaction that changed them, after the change is flushed, so what is derived from records
 * (triage ranks, the public catalogue) never lags behind them. Census, condition, grading and the
 * imports call it without importing the features that listen; the composition root
 * (src/app/app-deps.ts) builds it from their listeners.
 */
export type RecordsChangedListener = (em: EntityManager, recordIds: readonly string[]) => Promise<void>;

/**
 * The long-lived collaborators a feature's routes see. The composition root builds them
 * (`src/app/app-deps.ts` adds the concrete workers and caches); features name only this type, so
 * they never import the app.
 */
export interface Deps {
  readonly config: Config;
  readonly orm: MikroORM;
  readonly objectStore: ObjectStore;
  readonly logger: Logger;
  /** What follows a change of records (see RecordsChangedListener). */
  readonly afterRecordsChanged: RecordsChangedListener;
  /** The app's short-lived caches (code lists, the catalogue's browse facets); built by createAppCaches. */
  readonly caches: Caches;
  /** Background worker for imports; absent in contexts that only read. */
  readonly importWorker?: Wakeable;
  /** Background worker for image derivatives (tiles, pyramid, thumbnails). */
  readonly derivativeWorker?: Wakeable;
  /** Runs work for readers before they ask when no request is being answered; absent: none is done. */
  readonly spareTime?: SpareTime;
}

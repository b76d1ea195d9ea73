// The app's dependencies with its background parts running — the import and derivative workers and
// the listener that keeps rendered public pages fresh — assembled one way for `npm start` (main.ts)
// and the tests' app, so a test runs the app production runs.
import type { Logger } from 'pino';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Config } from '../config/config.js';
import type { ObjectStore } from '../object-store/object-store.js';
import type { RenderQueue } from '../iiif/render-queue.js';
import { startImportWorker, type ImportWorker } from '../imports/import-worker.js';
import { startDerivativeWorker, type DerivativeWorker } from '../images/derivative-worker.js';
import { PublicPageCache } from '../public-pages/page-cache.js';
import { ResultSetCache } from '../search/result-set-cache.js';
import { SpareTime } from '../kernel/spare-time.js';
import { listenForPageChanges } from '../http-cache/change-listener.js';
import { SharedResponseCache } from '../http-cache/shared-response-cache.js';
import { IIIF_IMAGE_PREFIX } from '../iiif/image-routes.js';
import { IMPORT_KIND_REGISTRY } from './import-kinds.js';
import { afterRecordsChanged, createAppCaches, imageDeps, type AppDeps } from './app-deps.js';

export interface RunningAppDeps {
  readonly deps: AppDeps;
  readonly importWorker: ImportWorker;
  readonly derivativeWorker: DerivativeWorker;
  /** The public pages' change listener: `ready` once it listens, `stop` at shutdown. */
  readonly pageChanges: ReturnType<typeof listenForPageChanges>;
  /** Work for readers before they ask (reading ahead); `stop` at shutdown, before the database closes. */
  readonly spareTime: SpareTime;
}

/** Starts the workers and the page listener and returns them with the dependencies built around them. */
export function startAppDeps(
  base: {
    readonly config: Config;
    readonly orm: MikroORM;
    readonly objectStore: ObjectStore;
    readonly logger: Logger;
    /** The database the page listener LISTENs on (its own connection). */
    readonly databaseUrl: string;
  },
  options: { readonly pollMs?: number; readonly imageRenders?: RenderQueue } = {},
): RunningAppDeps {
  const { config, orm, objectStore, logger } = base;
  const images = imageDeps(config, objectStore);
  const recordsChanged = afterRecordsChanged();
  const importWorker = startImportWorker(
    {
      orm,
      objectStore,
      logger,
      kinds: IMPORT_KIND_REGISTRY,
      eraYearMargin: config.eraYearMargin,
      afterRecordsChanged: recordsChanged,
    },
    options.pollMs,
    config.imports,
  );
  const derivativeWorker = startDerivativeWorker(
    { orm, objectStore, logger, pyramids: images.pyramids },
    options.pollMs,
  );
  const publicPages = new PublicPageCache();
  const spareTime = new SpareTime((error) => logger.warn({ err: error }, 'reading ahead failed'));
  const resultSets = new ResultSetCache({ spareTime });
  const sharedResponses =
    config.imageHttpCacheBytes > 0
      ? new SharedResponseCache(config.imageHttpCacheBytes, [IIIF_IMAGE_PREFIX])
      : undefined;
  const pageChanges = listenForPageChanges(
    base.databaseUrl,
    [publicPages, resultSets, images.imageDelivery, ...(sharedResponses ? [sharedResponses] : [])],
    logger,
  );
  const deps: AppDeps = {
    config,
    orm,
    objectStore,
    logger,
    afterRecordsChanged: recordsChanged,
    importWorker,
    derivativeWorker,
    publicPages,
    resultSets,
    spareTime,
    ...(sharedResponses ? { sharedResponses } : {}),
    caches: createAppCaches(),
    ...(options.imageRenders ? { imageRenders: options.imageRenders } : {}),
    ...images,
  };
  return { deps, importWorker, derivativeWorker, pageChanges, spareTime };
}

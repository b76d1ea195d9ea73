import path from 'node:path';
import type { Logger } from 'pino';
import type { Config } from '../config/config.js';
import type { ObjectStoreSettings } from '../object-store/object-store.js';
import { startEmbeddedPostgres } from './embedded-postgres.js';
import { startEmbeddedS3Process } from './embedded-s3-child.js';

export interface RunningServices {
  readonly databaseUrl: string;
  readonly objectStore: ObjectStoreSettings;
  readonly embedded: { postgres: boolean; s3: boolean };
  stop(): Promise<void>;
}

/** Uses the configured PostgreSQL and S3 servers, starting embedded ones for whatever is not configured. */
export async function startServices(config: Config, logger: Logger): Promise<RunningServices> {
  const stops: Array<() => Promise<void>> = [];
  const stopAll = async () => {
    for (const stop of stops.reverse())
      await stop().catch((err: unknown) => logger.warn({ err }, 'stopping a service failed'));
  };
  try {
    let databaseUrl = config.databaseUrl;
    if (!databaseUrl) {
      const pgLog = logger.child({ component: 'postgres' });
      const pg = await startEmbeddedPostgres({
        dir: path.join(config.dataDir, 'postgres'),
        log: (m) => pgLog.debug(m),
        settings: config.embeddedPostgresSharedBuffers
          ? { shared_buffers: config.embeddedPostgresSharedBuffers }
          : {},
      });
      stops.push(pg.stop);
      databaseUrl = pg.url;
      logger.info({ port: pg.port }, 'embedded PostgreSQL started');
    }
    let objectStore: ObjectStoreSettings;
    if (config.objectStore) {
      objectStore = config.objectStore;
    } else {
      const s3 = await startEmbeddedS3Process({ dir: path.join(config.dataDir, 'objects') });
      stops.push(s3.stop);
      objectStore = {
        endPoint: s3.endPoint,
        port: s3.port,
        useSSL: false,
        accessKey: s3.accessKey,
        secretKey: s3.secretKey,
        bucket: config.bucket,
      };
      logger.info({ port: s3.port }, 'embedded S3 server (s3rver) started in its own process');
    }
    return {
      databaseUrl,
      objectStore,
      embedded: { postgres: !config.databaseUrl, s3: !config.objectStore },
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

// Keeps a PublicPageCache listening to PostgreSQL's public_pages_changed notifications (sent by
// triggers on every table the public pages read, from any instance, at commit). One connection
// per instance; when it is lost the cache stops serving until it listens again.

import pg from 'pg';
import type { Logger } from 'pino';
import type { PublicPageCache } from './page-cache.js';

const CHANNEL = 'public_pages_changed';
const RECONNECT_MS = 1000;

/** Starts listening for `cache`; stop() closes the connection. */
export function listenForPageChanges(
  databaseUrl: string,
  cache: PublicPageCache,
  logger: Logger,
): { ready: Promise<void>; stop(): Promise<void> } {
  let client: pg.Client | undefined;
  let stopped = false;
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  const connect = () => {
    if (stopped) return;
    const c = new pg.Client({ connectionString: databaseUrl, application_name: 'census public-page cache' });
    client = c;
    const lost = (err?: unknown) => {
      if (client !== c) return;
      client = undefined;
      cache.setListening(false);
      if (stopped) return;
      logger.warn(
        { err },
        'public page cache: change notifications lost; serving uncached until reconnected',
      );
      c.end().catch(() => undefined);
      setTimeout(connect, RECONNECT_MS).unref();
    };
    c.on('error', lost);
    c.on('end', () => lost());
    c.on('notification', () => cache.changed());
    c.connect()
      .then(() => c.query(`LISTEN ${CHANNEL}`))
      .then(() => {
        if (client !== c) return;
        cache.setListening(true);
        markReady();
      })
      .catch(lost);
  };
  connect();
  return {
    ready,
    stop: async () => {
      stopped = true;
      const c = client;
      client = undefined;
      cache.setListening(false);
      await c?.end().catch(() => undefined);
    },
  };
}

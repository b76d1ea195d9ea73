// Keeps this instance's caches of public answers (rendered public pages, Image API responses)
// listening to PostgreSQL's public_pages_changed notifications (sent by triggers on every table
// those answers read, from any instance, at commit). One connection per instance; when it is lost
// the caches stop serving until they listen again.

import pg from 'pg';
import type { Logger } from 'pino';
import type { ChangeFollower } from './change-following-cache.js';

const CHANNEL = 'public_pages_changed';
const RECONNECT_MS = 1000;

/** Starts listening for the caches; stop() closes the connection. */
export function listenForPageChanges(
  databaseUrl: string,
  caches: readonly ChangeFollower[],
  logger: Logger,
): { ready: Promise<void>; stop(): Promise<void> } {
  let client: pg.Client | undefined;
  let stopped = false;
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  const connect = () => {
    if (stopped) return;
    const c = new pg.Client({ connectionString: databaseUrl, application_name: 'census answer caches' });
    client = c;
    const lost = (err?: unknown) => {
      if (client !== c) return;
      client = undefined;
      for (const cache of caches) cache.setListening(false);
      if (stopped) return;
      logger.warn({ err }, 'answer caches: change notifications lost; serving uncached until reconnected');
      c.end().catch(() => undefined);
      setTimeout(connect, RECONNECT_MS).unref();
    };
    c.on('error', lost);
    c.on('end', () => lost());
    c.on('notification', () => {
      for (const cache of caches) cache.changed();
    });
    c.connect()
      .then(() => c.query(`LISTEN ${CHANNEL}`))
      .then(() => {
        if (client !== c) return;
        for (const cache of caches) cache.setListening(true);
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
      for (const cache of caches) cache.setListening(false);
      await c?.end().catch(() => undefined);
    },
  };
}

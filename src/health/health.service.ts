import type { Deps } from '../kernel/deps.js';
import { pingDatabase } from './health.repository.js';

const PROBE_TIMEOUT_MS = 2000;

async function probe(check: () => Promise<unknown>): Promise<'ok' | 'unavailable'> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      check(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error('timeout')), PROBE_TIMEOUT_MS);
      }),
    ]);
    return 'ok';
  } catch {
    return 'unavailable';
  } finally {
    clearTimeout(timer);
  }
}

/** Probes PostgreSQL and the object store in parallel, each with a short timeout. */
export async function checkHealth(deps: Deps) {
  const [database, objectStore] = await Promise.all([
    probe(() => pingDatabase(deps.orm)),
    probe(() => deps.objectStore.ping()),
  ]);
  const status = database === 'ok' && objectStore === 'ok' ? 'ok' : 'degraded';
  return { status, database, objectStore } as const;
}

// Short-lived caches of what rarely changes, held by the app rather than in module globals:
// src/app/app-deps.ts builds one set per app (a test app gets a fresh one), so two apps in one
// process never see each other's values and a test never inherits another's. The feature that owns
// a cache declares its typed key; the kernel knows no feature's values.

/** A typed slot in the caches: a name to read and how long a value stays fresh. */
export class CacheKey<V> {
  /** Only carries the value's type (never set). */
  declare readonly valueType: V | undefined;

  constructor(
    readonly name: string,
    readonly ttlMs: number,
  ) {}
}

/** One app's cached values, each kept for its key's time to live or until forgotten. */
export class Caches {
  readonly #entries = new Map<CacheKey<unknown>, { at: number; value: unknown }>();

  /** The value, if one was kept less than the key's time to live ago. */
  get<V>(key: CacheKey<V>): V | undefined {
    const hit = this.#entries.get(key);
    if (!hit || Date.now() - hit.at >= key.ttlMs) return undefined;
    return hit.value as V;
  }

  /** Keeps a value for the key's time to live. */
  set<V>(key: CacheKey<V>, value: V): void {
    this.#entries.set(key, { at: Date.now(), value });
  }

  /** Drops the key's value (what it was computed from changed). */
  forget(key: CacheKey<unknown>): void {
    this.#entries.delete(key);
  }
}

// What search adds to the kernel's `Deps` (TypeScript declaration merging): the kernel names no
// feature, yet the search API and the server-rendered results page, handed `Deps`, see the result
// sets src/app/start-app-deps.ts keeps listening to changes.

import type { ResultSetCache } from './result-set-cache.js';

declare module '../kernel/deps.js' {
  interface Deps {
    /** Queries' result sets kept between their pages; absent: every page reads its matches afresh. */
    readonly resultSets?: ResultSetCache;
  }
}

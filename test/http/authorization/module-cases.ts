import type { CaseEntry } from './world.js';

/**
 * Cross-tenant cases of modules beyond the core, keyed by `METHOD /path` as in API_ROUTES: each
 * module keeps its cases in its own file here and spreads them in below.
 */
export const MODULE_CASES: Record<string, CaseEntry> = {};

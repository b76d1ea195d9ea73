import type { CaseEntry } from './world.js';
import { GRADING_CASES } from './grading.cases.js';
import { IMAGE_CASES } from './images.cases.js';
import { RESTORATION_CASES } from './restoration.cases.js';

/**
 * Cross-tenant cases of modules beyond the core, keyed by `METHOD /path` as in API_ROUTES: each
 * module keeps its cases in its own file here and spreads them in below.
 */
export const MODULE_CASES: Record<string, CaseEntry> = {
  ...IMAGE_CASES,
  ...GRADING_CASES,
  ...RESTORATION_CASES,
};

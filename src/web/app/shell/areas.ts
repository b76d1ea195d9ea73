// Where each work area the server offers (GET /api/auth/me → areas) lives in the web.
import type { Me } from '../session.js';

export type Area = Me['areas'][number];

export const AREA_PATHS: Record<Area, string> = {
  records: '/records',
  review: '/review',
  triage: '/triage',
  statistics: '/statistics',
  restoration: '/restoration',
  institutions: '/institutions',
  users: '/users',
  codeLists: '/code-lists',
  audit: '/audit',
};

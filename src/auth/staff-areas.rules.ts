import type { Role } from '../domain/roles.js';

/** The work areas of the staff app, in the order the navigation shows them. */
export const STAFF_AREAS = [
  'records',
  'review',
  'triage',
  'statistics',
  'restoration',
  'institutions',
  'users',
  'codeLists',
  'audit',
] as const;
export type StaffArea = (typeof STAFF_AREAS)[number];

const ADMINS: readonly Role[] = ['national_admin', 'provincial_admin'];
/** Who works in each area (the area's own routes still check every request). */
const AREA_ROLES: Record<StaffArea, readonly Role[]> = {
  records: ['national_admin', 'provincial_admin', 'reviewer', 'cataloguer', 'conservator'],
  review: ['national_admin', 'provincial_admin', 'reviewer'],
  triage: ['national_admin', 'provincial_admin', 'cataloguer', 'conservator'],
  statistics: ['national_admin', 'provincial_admin', 'cataloguer', 'conservator'],
  restoration: ['national_admin', 'provincial_admin', 'cataloguer', 'conservator'],
  institutions: ['national_admin', 'provincial_admin', 'reviewer', 'cataloguer', 'conservator', 'reader'],
  users: ADMINS,
  codeLists: ADMINS,
  audit: ADMINS,
};

/**
 * The areas a role's navigation offers, so the web shows what the server decided instead of
 * keeping its own role table.
 */
export function staffAreasOf(role: Role): StaffArea[] {
  return STAFF_AREAS.filter((area) => AREA_ROLES[area].includes(role));
}

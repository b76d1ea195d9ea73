import type { ActorScope } from './permissions.rules.js';

/**
 * Who may grade or assess a record's condition: the holding institution's cataloguers and conservators,
 * the provincial admins of its province, and national admins.
 */
export function canAssess(
  actor: ActorScope,
  record: { institutionId: string; provinceCode: string },
): boolean {
  switch (actor.role) {
    case 'national_admin':
      return true;
    case 'provincial_admin':
      return actor.provinceCode === record.provinceCode;
    case 'cataloguer':
    case 'conservator':
      return actor.institutionId === record.institutionId;
    default:
      return false;
  }
}

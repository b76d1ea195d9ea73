// Which narrower scopes the statistics page offers its reader, the same reach resolveScope grants:
// national administrators choose any province and then its institutions, provincial administrators
// the institutions of their province, everyone else sees their own institution only.
import type { ActorScope } from '../domain/permissions.rules.js';

export interface StatisticsChoiceRights {
  readonly provinces: boolean;
  readonly institutions: boolean;
}

export function statisticsChoiceRights(actor: ActorScope): StatisticsChoiceRights {
  if (actor.role === 'national_admin') return { provinces: true, institutions: true };
  if (actor.role === 'provincial_admin')
    return { provinces: false, institutions: actor.provinceCode !== null };
  return { provinces: false, institutions: false };
}

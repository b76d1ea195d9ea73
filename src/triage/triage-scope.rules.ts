import type { ActorScope } from '../domain/permissions.rules.js';

/** The part of the census a triage list or a statistics view covers. */
export interface CensusScope {
  level: 'nation' | 'province' | 'institution';
  provinceCode: string | null;
  institutionId: string | null;
}

/**
 * Resolves the scope asked for against what the actor may see: national admins anything, provincial
 * admins their province, cataloguers and conservators their institution. Undefined = forbidden.
 */
export function resolveScope(
  actor: ActorScope,
  asked: {
    provinceCode?: string | undefined;
    institution?: { id: string; provinceCode: string } | undefined;
  },
): CensusScope | undefined {
  const inst = asked.institution;
  if (inst && asked.provinceCode && asked.provinceCode !== inst.provinceCode) return undefined;
  switch (actor.role) {
    case 'national_admin':
      if (inst) return { level: 'institution', provinceCode: inst.provinceCode, institutionId: inst.id };
      if (asked.provinceCode)
        return { level: 'province', provinceCode: asked.provinceCode, institutionId: null };
      return { level: 'nation', provinceCode: null, institutionId: null };
    case 'provincial_admin': {
      const province = actor.provinceCode;
      if (!province) return undefined;
      if (inst) {
        return inst.provinceCode === province
          ? { level: 'institution', provinceCode: province, institutionId: inst.id }
          : undefined;
      }
      if (asked.provinceCode && asked.provinceCode !== province) return undefined;
      return { level: 'province', provinceCode: province, institutionId: null };
    }
    case 'cataloguer':
    case 'conservator': {
      if (!actor.institutionId || (inst && inst.id !== actor.institutionId)) return undefined;
      if (asked.provinceCode && asked.provinceCode !== actor.provinceCode) return undefined;
      return { level: 'institution', provinceCode: actor.provinceCode, institutionId: actor.institutionId };
    }
    default:
      return undefined;
  }
}

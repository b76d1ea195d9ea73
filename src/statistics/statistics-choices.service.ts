// The provinces and institutions a statistics reader may narrow to, each with its record count (from
// the trigger-maintained statistics_count, like the numbers themselves).
import type { Context } from '../kernel/context.js';
import { requireActor } from '../kernel/context.js';
import { PROVINCES } from '../institutions/provinces.data.js';
import type { CensusScope } from '../triage/triage-scope.rules.js';
import { statisticsChoiceRights } from './statistics-choices.rules.js';
import { recordsPerInstitution, recordsPerProvince } from './statistics.repository.js';

export async function statisticsChoices(scope: Context, s: CensusScope) {
  const rights = statisticsChoiceRights(requireActor(scope));
  let provinces = null;
  if (rights.provinces) {
    const counts = await recordsPerProvince(scope.em);
    provinces = PROVINCES.filter((p) => counts.has(p.code)).map((p) => ({
      code: p.code,
      label: { zh: p.nameZh, en: p.nameEn },
      count: counts.get(p.code)!,
    }));
  }
  let institutions = null;
  if (rights.institutions && s.provinceCode)
    institutions = await recordsPerInstitution(scope.em, s.provinceCode);
  return { provinces, institutions };
}

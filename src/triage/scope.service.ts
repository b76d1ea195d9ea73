import { InstitutionSchema } from '../institutions/institution.entity.js';
import { AppError } from '../kernel/app-error.js';
import { requireActor, type Context } from '../kernel/context.js';
import { resolveScope, type CensusScope } from './triage-scope.rules.js';

/** The scope a request may read (403 when it asks for more than the caller may see). */
export async function requestScope(
  scope: Context,
  asked: { provinceCode?: string | undefined; institutionId?: string | undefined },
): Promise<CensusScope> {
  const actor = requireActor(scope);
  let institution: { id: string; provinceCode: string } | undefined;
  if (asked.institutionId) {
    const row = await scope.em.findOne(InstitutionSchema, { id: asked.institutionId });
    if (!row)
      throw AppError.notFound(`Institution ${asked.institutionId}`, `收藏单位 ${asked.institutionId} `);
    institution = { id: row.id, provinceCode: row.province.code };
  }
  const resolved = resolveScope(actor, { provinceCode: asked.provinceCode, institution });
  if (!resolved) throw AppError.forbidden('无权查看该范围的数据', 'You may not view data of this scope');
  return resolved;
}

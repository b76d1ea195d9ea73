import type { CensusRecord } from './census-record.entity.js';
import type { Institution } from '../institutions/institution.entity.js';
import type { CompletenessTier } from '../domain/record.types.js';
import { normaliseEditionDate, type EditionDateWarning } from './dates/edition-date.rules.js';

/** Largest margin accepted by the configuration: a stored record was accepted when it was saved. */
const ANY_MARGIN = 60;

/**
 * The date warnings of a stored edition statement (a year past the era's end, an ambiguous era …),
 * recomputed so that the reviewer sees what the cataloguer was told on saving.
 */
function editionWarnings(
  edition: string | null,
  dynastyHint: string | null | undefined,
): EditionDateWarning[] {
  const result = normaliseEditionDate(edition ?? '', {
    eraYearMargin: ANY_MARGIN,
    ...(dynastyHint ? { dynastyHint } : {}),
  });
  return result.ok ? result.warnings : [];
}

/** Census record entity → API JSON (the names of the issue: censusNumber, edition {text, …}, …). */
export function presentRecord(r: CensusRecord) {
  const { edition, ...body } = r.body;
  const institution = r.institution as Institution & { name?: string };
  return {
    id: r.id,
    censusNumber: r.censusNumber,
    type: r.type,
    institutionId: institution.id,
    institutionName: institution.name ?? null,
    provinceCode: r.provinceCode,
    status: r.status,
    ...body,
    edition: {
      text: edition,
      dynasty: r.dynasty ?? null,
      era: r.era ?? null,
      eraYear: r.eraYear ?? null,
      yearFrom: r.yearFrom ?? null,
      yearTo: r.yearTo ?? null,
      precision: r.datePrecision,
      warnings: editionWarnings(edition, body.authors[0]?.dynasty),
    },
    // The catalogued text above is never rewritten; these are the code-list values it matched
    // (綫裝 → 线装), as lists, facets and statistics file the record.
    keys: {
      classification: r.classification ?? null,
      editionType: r.editionType ?? null,
      binding: r.binding ?? null,
      grade: r.grade ?? null,
      damageGrade: r.damageGrade ?? null,
      documentType: r.documentType,
    },
    tier: r.tier as CompletenessTier,
    assignedReviewerId: (r.assignedReviewer as { id: string } | null | undefined)?.id ?? null,
    withdrawReason: r.withdrawReason ?? null,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    submittedAt: r.submittedAt?.toISOString() ?? null,
    approvedAt: r.approvedAt?.toISOString() ?? null,
    publishedAt: r.publishedAt?.toISOString() ?? null,
    version: r.version,
  };
}
export type RecordJson = ReturnType<typeof presentRecord>;

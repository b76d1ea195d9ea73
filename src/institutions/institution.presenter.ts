import type { Institution } from './institution.entity.js';
import { PROVINCES } from './provinces.data.js';
import {
  INSTITUTION_TYPE_LABELS,
  KEY_PROTECTION_BATCHES,
  type InstitutionType,
} from './institution-types.js';
import { RIGHTS_STATEMENT_TEXT, type RightsStatement } from './rights-statement.rules.js';

const provinceNames = new Map(PROVINCES.map((p) => [p.code, p.nameZh]));
const provinceLabels = new Map(PROVINCES.map((p) => [p.code, { zh: p.nameZh, en: p.nameEn }]));

/** Institution entity → API JSON. `fullCode` is the prefix of its census numbers (RRRRRR-IIII). */
export function presentInstitution(i: Institution) {
  const provinceCode = i.province.code;
  return {
    id: i.id,
    provinceCode,
    provinceName: provinceNames.get(provinceCode) ?? provinceCode,
    code: i.code,
    fullCode: `${provinceCode}-${i.code}`,
    provinceLabel: provinceLabels.get(provinceCode) ?? { zh: provinceCode, en: provinceCode },
    name: i.name,
    type: i.type,
    typeLabel: INSTITUTION_TYPE_LABELS[i.type as InstitutionType] ?? { zh: i.type, en: i.type },
    address: i.address ?? null,
    contactName: i.contactName ?? null,
    contactPhone: i.contactPhone ?? null,
    contactEmail: i.contactEmail ?? null,
    keyProtectionBatch: i.keyProtectionBatch ?? null,
    keyProtectionLabel: i.keyProtectionBatch
      ? (KEY_PROTECTION_BATCHES.find((b) => b.value === i.keyProtectionBatch)?.label ?? null)
      : null,
    isRestorationCentre: i.isRestorationCentre,
    rightsStatement: i.rightsStatement as RightsStatement,
    rightsStatementLabel: presentRightsStatement(i.rightsStatement as RightsStatement),
    onSiteNetworks: [...(i.onSiteNetworks ?? [])],
    createdAt: i.createdAt.toISOString(),
    updatedAt: i.updatedAt.toISOString(),
    version: i.version,
  };
}

/** A rights statement as a reader sees it: its label and terms in both languages. */
export function presentRightsStatement(statement: RightsStatement) {
  const text = RIGHTS_STATEMENT_TEXT[statement];
  return { zh: text.labelZh, en: text.labelEn, termsZh: text.termsZh, termsEn: text.termsEn };
}

import { z } from 'zod';
import { bilingual } from '../kernel/bilingual.js';
import { INSTITUTION_TYPES } from './institution-types.js';
import { PROVINCE_CODES } from './provinces.data.js';
import { RIGHTS_STATEMENTS } from './rights-statement.rules.js';
import { MAX_ON_SITE_NETWORKS } from './on-site-networks.rules.js';

const provinceCode = z
  .string()
  .refine(
    (v) => PROVINCE_CODES.has(v),
    bilingual(
      '省份代码必须是 GB/T 2260 的 6 位省级行政区划代码之一（如 110000 北京、350000 福建）',
      'provinceCode must be one of the 34 six-digit GB/T 2260 provincial division codes (e.g. 110000 Beijing, 350000 Fujian)',
    ),
  );

const institutionCode = z
  .string()
  .regex(
    /^\d{4}$/,
    bilingual('单位代码必须是 4 位数字（如 2001）', 'code must be exactly four digits (e.g. 2001)'),
  );

const keyProtectionBatch = z
  .number()
  .int()
  .min(1, bilingual('重点保护单位批次为 1–6', 'keyProtectionBatch must be 1–6'))
  .max(6, bilingual('重点保护单位批次为 1–6', 'keyProtectionBatch must be 1–6'))
  .nullable();

const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

const editable = {
  name: z.string().trim().min(1, bilingual('名称不能为空', 'name must not be empty')).max(200),
  type: z.enum(INSTITUTION_TYPES),
  address: optionalText(300),
  contactName: optionalText(100),
  contactPhone: optionalText(50),
  contactEmail: z.email().max(200).nullable().optional(),
  keyProtectionBatch: keyProtectionBatch.optional(),
  isRestorationCentre: z.boolean().optional(),
};

export const createInstitutionBody = z.strictObject({ provinceCode, code: institutionCode, ...editable });
export type CreateInstitutionInput = z.infer<typeof createInstitutionBody>;

export const updateInstitutionBody = z.strictObject({
  provinceCode: provinceCode.optional(),
  code: institutionCode.optional(),
  name: editable.name.optional(),
  type: editable.type.optional(),
  address: editable.address,
  contactName: editable.contactName,
  contactPhone: editable.contactPhone,
  contactEmail: editable.contactEmail,
  keyProtectionBatch: editable.keyProtectionBatch,
  isRestorationCentre: editable.isRestorationCentre,
  version: z.number().int().positive().optional(),
});
export type UpdateInstitutionInput = z.infer<typeof updateInstitutionBody>;

export const listInstitutionsQuery = z.strictObject({
  provinceCode: provinceCode.optional(),
  type: z.enum(INSTITUTION_TYPES).optional(),
  q: z.string().trim().max(100).optional(),
  keyProtection: z.enum(['true', 'false']).optional(),
  restorationCentre: z.enum(['true', 'false']).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type ListInstitutionsQuery = z.infer<typeof listInstitutionsQuery>;

export const institutionIdParams = z.strictObject({
  id: z.uuid(bilingual('id 必须是 UUID', 'id must be a UUID')),
});

export const institutionResponse = z.object({
  id: z.uuid(),
  provinceCode: z.string(),
  provinceName: z.string(),
  code: z.string(),
  fullCode: z.string(),
  provinceLabel: z.object({ zh: z.string(), en: z.string() }),
  name: z.string(),
  type: z.enum(INSTITUTION_TYPES),
  typeLabel: z.object({ zh: z.string(), en: z.string() }),
  address: z.string().nullable(),
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  contactEmail: z.string().nullable(),
  keyProtectionBatch: z.number().nullable(),
  keyProtectionLabel: z.object({ zh: z.string(), en: z.string() }).nullable(),
  isRestorationCentre: z.boolean(),
  rightsStatement: z.enum(RIGHTS_STATEMENTS),
  rightsStatementLabel: z.object({
    zh: z.string(),
    en: z.string(),
    termsZh: z.string(),
    termsEn: z.string(),
  }),
  /** Its reading rooms' CIDR ranges, as entered: on-site readers of its `on_site` records. */
  onSiteNetworks: z.array(z.string()),
  /** Whether the caller may change the rights statement (one institution only, not in lists). */
  canSetRightsStatement: z.boolean().optional(),
  /** What the caller may do with this institution (one institution only, not in lists). */
  abilities: z
    .object({
      edit: z.boolean(),
      setRightsStatement: z.boolean(),
      /** Whether the caller may set its reading-room networks. */
      setOnSiteNetworks: z.boolean(),
      setNationalDesignations: z.boolean(),
      viewStaff: z.boolean(),
      addStaff: z.boolean(),
    })
    .optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
});

export const rightsStatementBody = z.strictObject({
  rightsStatement: z.enum(
    RIGHTS_STATEMENTS,
    bilingual(
      '使用条件必须是 open（开放获取）、on_site（仅限馆内阅览）或 metadata_only（仅元数据）之一',
      'rightsStatement must be one of open, on_site (on-site only) or metadata_only',
    ),
  ),
  version: z.number().int().positive().optional(),
});
export type RightsStatementInput = z.infer<typeof rightsStatementBody>;

/** The statements an institution may choose, each with its label, terms and whether the reading-room networks matter under it. */
export const rightsStatementsResponse = z.object({
  items: z.array(
    z.object({
      value: z.enum(RIGHTS_STATEMENTS),
      zh: z.string(),
      en: z.string(),
      termsZh: z.string(),
      termsEn: z.string(),
      /** Readers in the institution's reading-room networks are sent the images under this statement. */
      usesOnSiteNetworks: z.boolean(),
    }),
  ),
});

/** The choices of the institution form, as far as the caller may use them. */
export const institutionFormOptionsResponse = z.object({
  /** Provinces the caller may create institutions in (a provincial admin: their own). */
  provinces: z.array(z.object({ code: z.string(), label: z.object({ zh: z.string(), en: z.string() }) })),
  types: z.array(
    z.object({ value: z.enum(INSTITUTION_TYPES), label: z.object({ zh: z.string(), en: z.string() }) }),
  ),
  batches: z.array(z.object({ value: z.number(), label: z.object({ zh: z.string(), en: z.string() }) })),
  /** Whether the caller may set the national designations (key-protection batch, restoration centre). */
  setNationalDesignations: z.boolean(),
});
/** The reading-room networks; each entry is checked by on-site-networks.rules.ts in the service. */
export const onSiteNetworksBody = z.strictObject({
  networks: z
    .array(
      z.string(bilingual('每个网段必须是文本（CIDR）', 'each range must be a string (CIDR)')),
      bilingual('networks 必须是 CIDR 网段的数组', 'networks must be an array of CIDR ranges'),
    )
    .max(
      MAX_ON_SITE_NETWORKS,
      bilingual(
        `networks 最多 ${MAX_ON_SITE_NETWORKS} 个网段`,
        `networks holds at most ${MAX_ON_SITE_NETWORKS} ranges`,
      ),
    ),
  version: z.number().int().positive().optional(),
});
export type OnSiteNetworksInput = z.infer<typeof onSiteNetworksBody>;

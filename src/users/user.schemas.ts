import { z } from 'zod';
import { ROLES } from '../domain/roles.js';
import { bilingual } from '../kernel/bilingual.js';
import { PROVINCE_CODES } from '../institutions/provinces.data.js';

const provinceCode = z
  .string()
  .refine(
    (v) => PROVINCE_CODES.has(v),
    bilingual(
      '省份代码必须是 34 个省级行政区划代码之一',
      'provinceCode must be one of the 34 GB/T 2260 provincial codes',
    ),
  );

// Messages people read under the form's fields: the field by its name, a role never by its code.
const displayName = z
  .string()
  .trim()
  .min(1, bilingual('请填写姓名', 'enter the name'))
  .max(100, bilingual('姓名不超过 100 个字', 'the name has at most 100 characters'));
const role = z.enum(ROLES, bilingual('请选择角色', 'choose a role'));

export const createUserBody = z.strictObject({
  email: z.email(bilingual('必须是电子邮件地址', 'email must be an e-mail address')).max(254),
  password: z.string(),
  displayName,
  role,
  institutionId: z.uuid().nullable().optional(),
  provinceCode: provinceCode.nullable().optional(),
});
export type CreateUserInput = z.infer<typeof createUserBody>;

export const updateUserBody = z.strictObject({
  displayName: displayName.optional(),
  role: role.optional(),
  institutionId: z.uuid().nullable().optional(),
  provinceCode: provinceCode.nullable().optional(),
  active: z.boolean().optional(),
  password: z.string().optional(),
  version: z.number().int().positive().optional(),
});
export type UpdateUserInput = z.infer<typeof updateUserBody>;

export const listUsersQuery = z.strictObject({
  institutionId: z.uuid().optional(),
  provinceCode: provinceCode.optional(),
  role: z.enum(ROLES).optional(),
  q: z.string().trim().max(100).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type ListUsersQuery = z.infer<typeof listUsersQuery>;

export const userIdParams = z.strictObject({ id: z.uuid() });

export const userResponse = z.object({
  id: z.uuid(),
  email: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  roleLabel: z.object({ zh: z.string(), en: z.string() }),
  institutionId: z.string().nullable(),
  institutionName: z.string().nullable(),
  provinceCode: z.string().nullable(),
  provinceLabel: z.object({ zh: z.string(), en: z.string() }).nullable(),
  active: z.boolean(),
  createdAt: z.string(),
  version: z.number(),
});

/** What the administrator asking may do with an account (the page offers only these). */
export const managedUserResponse = userResponse.extend({
  abilities: z.object({ setActive: z.boolean(), resetPassword: z.boolean(), changeRole: z.boolean() }),
});

/** The roles (with what each belongs to) and provinces the administrator asking may hand out. */
export const roleChoicesResponse = z.object({
  roles: z.array(
    z.object({
      role: z.enum(ROLES),
      label: z.object({ zh: z.string(), en: z.string() }),
      scope: z.enum(['institution', 'province', 'none']),
    }),
  ),
  provinces: z.array(z.object({ code: z.string(), label: z.object({ zh: z.string(), en: z.string() }) })),
});

import type { User } from './user.entity.js';
import { ROLE_LABELS } from './roles.js';

/** User entity → API JSON (never the password hash). Institution must be loaded when present. */
export function presentUser(u: User) {
  const institution = u.institution as
    (typeof u.institution & { name?: string; province?: { code: string } }) | null | undefined;
  return {
    id: u.id,
    email: u.email,
    displayName: u.displayName,
    role: u.role,
    roleLabel: ROLE_LABELS[u.role],
    institutionId: institution?.id ?? null,
    institutionName: institution?.name ?? null,
    provinceCode: u.province?.code ?? institution?.province?.code ?? null,
    active: u.active,
    createdAt: u.createdAt.toISOString(),
    version: u.version,
  };
}

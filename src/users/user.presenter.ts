import type { User } from './user.entity.js';
import { ROLE_LABELS } from '../domain/roles.js';
import { PROVINCES } from '../institutions/provinces.data.js';
import { accountAbilities, type ActorScope } from '../domain/permissions.rules.js';

const PROVINCE_LABELS = new Map(PROVINCES.map((p) => [p.code, { zh: p.nameZh, en: p.nameEn }]));

/** A province's name in both languages (null for an unknown or absent code). */
export function provinceLabel(code: string | null): { zh: string; en: string } | null {
  return code ? (PROVINCE_LABELS.get(code) ?? null) : null;
}

/** User entity → API JSON (never the password hash). Institution must be loaded when present. */
export function presentUser(u: User) {
  const institution = u.institution as
    (typeof u.institution & { name?: string; province?: { code: string } }) | null | undefined;
  const provinceCode = u.province?.code ?? institution?.province?.code ?? null;
  return {
    id: u.id,
    email: u.email,
    displayName: u.displayName,
    role: u.role,
    roleLabel: ROLE_LABELS[u.role],
    institutionId: institution?.id ?? null,
    institutionName: institution?.name ?? null,
    provinceCode,
    provinceLabel: provinceLabel(provinceCode),
    active: u.active,
    createdAt: u.createdAt.toISOString(),
    version: u.version,
  };
}

/** An account as an administrator sees it: with what this administrator may do with it. */
export function presentManagedUser(u: User, actor: ActorScope & { userId: string }) {
  const user = presentUser(u);
  return { ...user, abilities: accountAbilities(actor, user) };
}

import type { EntityManager } from '@mikro-orm/postgresql';
import { UserSchema } from '../users/user.entity.js';
import { AuditEntrySchema } from '../audit/audit-entry.entity.js';
import { generatePassword, hashPassword } from './password.js';

export const DEFAULT_ADMIN_EMAIL = 'admin@census.local';

/**
 * Creates the first national administrator when the system has none. Without ADMIN_PASSWORD a
 * strong password is generated and returned so the caller can print it once.
 */
export async function ensureInitialAdmin(
  em: EntityManager,
  settings: { email: string | undefined; password: string | undefined },
): Promise<{ created: false } | { created: true; email: string; generatedPassword: string | undefined }> {
  if ((await em.count(UserSchema, { role: 'national_admin' })) > 0) return { created: false };
  const email = (settings.email ?? DEFAULT_ADMIN_EMAIL).toLowerCase();
  const generatedPassword = settings.password ? undefined : generatePassword();
  const passwordHash = await hashPassword(settings.password ?? generatedPassword!);
  await em.transactional(async (tem) => {
    const user = tem.create(UserSchema, {
      email,
      displayName: '国家级管理员 National administrator',
      passwordHash,
      role: 'national_admin',
      active: true,
    });
    await tem.flush();
    tem.create(AuditEntrySchema, {
      at: new Date(),
      action: 'user.create.initial_admin',
      entityType: 'user',
      entityId: user.id,
      after: { email, role: 'national_admin' },
    });
  });
  return { created: true, email, generatedPassword };
}

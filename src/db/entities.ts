import { ProvinceSchema } from '../institutions/province.entity.js';
import { InstitutionSchema } from '../institutions/institution.entity.js';
import { UserSchema } from '../users/user.entity.js';
import { AuthTokenSchema } from '../auth/auth-token.entity.js';
import { LoginFailureSchema } from '../auth/login-failure.entity.js';
import { AuditEntrySchema } from '../audit/audit-entry.entity.js';

/** Every entity the ORM knows; a new entity is added here and gets a migration (`npm run db:migration:create`). */
export const ENTITIES = [ProvinceSchema, InstitutionSchema, UserSchema, AuthTokenSchema, LoginFailureSchema, AuditEntrySchema];

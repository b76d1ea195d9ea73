import { ProvinceSchema } from '../institutions/province.entity.js';
import { InstitutionSchema } from '../institutions/institution.entity.js';
import { UserSchema } from '../users/user.entity.js';
import { AuthTokenSchema } from '../auth/auth-token.entity.js';
import { LoginFailureSchema } from '../auth/login-failure.entity.js';
import { AuditEntrySchema } from '../audit/audit-entry.entity.js';
import { CensusRecordSchema } from '../census/census-record.entity.js';
import { CensusSerialSchema } from '../census/census-serial.entity.js';
import { RecordVersionSchema } from '../census/record-version.entity.js';
import { ReviewCommentSchema, ReviewEventSchema } from '../census/review-event.entity.js';
import { ReviewAssignmentSchema } from '../census/review-assignment.entity.js';
import { CodeListValueSchema } from '../census/code-list-value.entity.js';
import { SettingSchema } from '../settings/setting.entity.js';
import { ImportJobSchema, ImportRowErrorSchema } from '../census/import/import-job.entity.js';

/** Every entity the ORM knows; a new entity is added here and gets a migration (`npm run db:migration:create`). */
export const ENTITIES = [
  ProvinceSchema,
  InstitutionSchema,
  UserSchema,
  AuthTokenSchema,
  LoginFailureSchema,
  AuditEntrySchema,
  CensusRecordSchema,
  CensusSerialSchema,
  RecordVersionSchema,
  ReviewEventSchema,
  ReviewCommentSchema,
  ReviewAssignmentSchema,
  CodeListValueSchema,
  SettingSchema,
  ImportJobSchema,
  ImportRowErrorSchema,
];

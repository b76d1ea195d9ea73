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
import { ImportJobSchema, ImportRowErrorSchema } from '../imports/import-job.entity.js';
import { GradingAssessmentSchema } from '../grading/grading-assessment.entity.js';
import { PreciousListEntrySchema } from '../grading/precious-list-entry.entity.js';
import { DamageRuleSetVersionSchema } from '../condition/damage-rule-set.entity.js';
import { ConditionAssessmentSchema } from '../condition/condition-assessment.entity.js';
import { AssessmentImportKeySchema } from '../condition/assessment-import-key.entity.js';
import { TriageStateSchema } from '../triage/triage-state.entity.js';
import { TriageCountSchema } from '../triage/triage-count.entity.js';
import { StatisticsCountSchema } from '../statistics/statistics-count.entity.js';
import { RecordImageSchema } from '../images/record-image.entity.js';
import { DerivativeJobSchema } from '../images/derivative-job.entity.js';
import {
  CatalogueEntrySchema,
  CatalogueTokenSchema,
  PublishedChangeSchema,
} from '../search/catalogue-entry.entity.js';
import { WorkOrderSchema } from '../restoration/work-order.entity.js';
import { WorkOrderLogEntrySchema } from '../restoration/work-order-log.entity.js';
import { WorkOrderPhotoSchema } from '../restoration/work-order-photo.entity.js';
import { WorkOrderTransitionSchema } from '../restoration/work-order-transition.entity.js';
import { RestorationGrantSchema } from '../restoration/restoration-grant.entity.js';
import { RestorationRoleSchema } from '../restoration/restoration-role.entity.js';
import { RestorationTermSchema } from '../restoration/restoration-vocabulary.entity.js';

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
  GradingAssessmentSchema,
  PreciousListEntrySchema,
  DamageRuleSetVersionSchema,
  ConditionAssessmentSchema,
  AssessmentImportKeySchema,
  TriageStateSchema,
  TriageCountSchema,
  StatisticsCountSchema,
  RecordImageSchema,
  DerivativeJobSchema,
  CatalogueEntrySchema,
  CatalogueTokenSchema,
  PublishedChangeSchema,
  WorkOrderSchema,
  WorkOrderLogEntrySchema,
  WorkOrderPhotoSchema,
  WorkOrderTransitionSchema,
  RestorationGrantSchema,
  RestorationRoleSchema,
  RestorationTermSchema,
];

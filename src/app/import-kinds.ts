import type { ImportKinds } from '../imports/import-kind.js';
import { recordsImportKind } from '../census/import/records-import.kind.js';
import { assessmentsImportKind } from '../condition/assessments-import.kind.js';

/**
 * Every kind of spreadsheet import, by the name stored on the job: the features register their
 * kinds here, so the import machinery (src/imports/) imports none of them. A new kind is one
 * registration object (and its name in IMPORT_KINDS, the job's stored vocabulary).
 */
export const IMPORT_KIND_REGISTRY: ImportKinds = {
  records: recordsImportKind,
  assessments: assessmentsImportKind,
};

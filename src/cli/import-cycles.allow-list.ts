// Folder edges that today lie on an import cycle between the top-level folders under src/
// (run-time imports only), each with one file import that makes it. `npm run check:imports` fails
// on any other edge that closes a cycle, and names the entries that no longer lie on one: delete
// them, the list only shrinks. Print the current edges with `npm run check:imports -- --list`.
//
// Why they exist (issue 17): src/http was both the floor (AppError, the route contract) and the
// roof (the app importing every feature's routes); src/db/entities.ts lists every feature's
// entities while features import db helpers; shared vocabulary (grades, damage levels, record
// labels) lives in one feature and is read by others; features call each other's services.
/** Folder edges allowed to lie on a cycle until the seam that makes them is cut. */
export const ALLOWED_FOLDER_EDGES: readonly string[] = [
  'audit -> auth', // src/audit/audit-query.service.ts -> src/auth/permissions.rules.ts
  'audit -> institutions', // src/audit/audit.routes.ts -> src/institutions/institution-names.repository.ts
  'audit -> users', // src/audit/audit.routes.ts -> src/users/display-names.repository.ts
  'auth -> audit', // src/auth/auth.service.ts -> src/audit/audit.service.ts
  'auth -> users', // src/auth/auth.routes.ts -> src/users/user.schemas.ts
  'census -> audit', // src/census/import/import-runner.ts -> src/audit/audit-entry.entity.ts
  'census -> auth', // src/census/code-lists.routes.ts -> src/auth/permissions.rules.ts
  'census -> condition', // src/census/import/import-worker.ts -> src/condition/assessment-import-runner.ts
  'census -> db', // src/census/record-query.service.ts -> src/db/like-pattern.ts
  'census -> institutions', // src/census/import/import-job.entity.ts -> src/institutions/institution.entity.ts
  'census -> search', // src/census/record-update.service.ts -> src/search/catalogue-sync.service.ts
  'census -> triage', // src/census/import/import-batch.service.ts -> src/triage/triage-state.repository.ts
  'census -> users', // src/census/census-record.entity.ts -> src/users/user.entity.ts
  'condition -> audit', // src/condition/assessment-import-store.service.ts -> src/audit/audit.service.ts
  'condition -> census', // src/condition/assessment-import-runner.ts -> src/census/import/import-job-control.ts
  'condition -> grading', // src/condition/assessment-import-store.service.ts -> src/grading/grading-assessment.entity.ts
  'condition -> institutions', // src/condition/assessment-imports.routes.ts -> src/institutions/institution.schemas.ts
  'condition -> triage', // src/condition/assessment-record.service.ts -> src/triage/triage-state.repository.ts
  'db -> audit', // src/db/entities.ts -> src/audit/audit-entry.entity.ts
  'db -> auth', // src/db/entities.ts -> src/auth/auth-token.entity.ts
  'db -> census', // src/db/entities.ts -> src/census/census-record.entity.ts
  'db -> condition', // src/db/entities.ts -> src/condition/assessment-import-key.entity.ts
  'db -> grading', // src/db/entities.ts -> src/grading/grading-assessment.entity.ts
  'db -> images', // src/db/entities.ts -> src/images/derivative-job.entity.ts
  'db -> institutions', // src/db/entities.ts -> src/institutions/institution.entity.ts
  'db -> restoration', // src/db/entities.ts -> src/restoration/restoration-grant.entity.ts
  'db -> search', // src/db/entities.ts -> src/search/catalogue-entry.entity.ts
  'db -> statistics', // src/db/entities.ts -> src/statistics/statistics-count.entity.ts
  'db -> triage', // src/db/entities.ts -> src/triage/triage-count.entity.ts
  'db -> users', // src/db/entities.ts -> src/users/user.entity.ts
  'grading -> audit', // src/grading/grading.service.ts -> src/audit/audit.service.ts
  'grading -> census', // src/grading/grading-assessment.entity.ts -> src/census/census-record.entity.ts
  'grading -> condition', // src/grading/grading.service.ts -> src/condition/assessment-record.service.ts
  'iiif -> census', // src/iiif/manifest.service.ts -> src/census/record-query.service.ts
  'iiif -> images', // src/iiif/manifest.service.ts -> src/images/record-images.service.ts
  'iiif -> institutions', // src/iiif/manifest.service.ts -> src/institutions/on-site-networks.rules.ts
  'iiif -> restoration', // src/iiif/manifest.service.ts -> src/restoration/restoration-photo-ids.ts
  'iiif -> search', // src/iiif/presentation-urls.ts -> src/search/permalink.ts
  'images -> audit', // src/images/image-delete.service.ts -> src/audit/audit.service.ts
  'images -> census', // src/images/record-image.entity.ts -> src/census/census-record.entity.ts
  'images -> iiif', // src/images/derivative-runner.ts -> src/iiif/canonical-path.ts
  'images -> restoration', // src/images/image-access.service.ts -> src/restoration/restoration-image-access.ts
  'institutions -> audit', // src/institutions/institution-on-site.service.ts -> src/audit/audit.service.ts
  'institutions -> auth', // src/institutions/institution-on-site.service.ts -> src/auth/permissions.rules.ts
  'institutions -> db', // src/institutions/institution.service.ts -> src/db/like-pattern.ts
  'restoration -> audit', // src/restoration/restoration-grant.service.ts -> src/audit/audit.service.ts
  'restoration -> auth', // src/restoration/restoration-role.service.ts -> src/auth/permissions.rules.ts
  'restoration -> census', // src/restoration/restoration-grant.service.ts -> src/census/census-record.entity.ts
  'restoration -> condition', // src/restoration/work-order.entity.ts -> src/condition/condition-assessment.entity.ts
  'restoration -> iiif', // src/restoration/work-order-manifest.presenter.ts -> src/iiif/presentation-language.rules.ts
  'restoration -> images', // src/restoration/work-order-photo.entity.ts -> src/images/record-image.entity.ts
  'restoration -> institutions', // src/restoration/restoration-grant.service.ts -> src/institutions/institution.entity.ts
  'restoration -> users', // src/restoration/restoration-role.entity.ts -> src/users/user.entity.ts
  'search -> census', // src/search/catalogue-sync.service.ts -> src/census/record-body.ts
  'search -> institutions', // src/search/catalogue.presenter.ts -> src/institutions/rights-statement.rules.ts
  'statistics -> census', // src/statistics/statistics-order.rules.ts -> src/census/record-labels.rules.ts
  'statistics -> institutions', // src/statistics/statistics.service.ts -> src/institutions/provinces.data.ts
  'statistics -> triage', // src/statistics/statistics.routes.ts -> src/triage/triage.schemas.ts
  'triage -> audit', // src/triage/triage-weights.service.ts -> src/audit/audit.service.ts
  'triage -> condition', // src/triage/triage.rules.ts -> src/condition/condition-labels.rules.ts
  'triage -> institutions', // src/triage/scope.service.ts -> src/institutions/institution.entity.ts
  'triage -> restoration', // src/triage/triage.service.ts -> src/restoration/work-order-access.rules.ts
  'users -> audit', // src/users/user.service.ts -> src/audit/audit.service.ts
  'users -> auth', // src/users/user.presenter.ts -> src/auth/permissions.rules.ts
  'users -> db', // src/users/user.service.ts -> src/db/like-pattern.ts
  'users -> institutions', // src/users/user.entity.ts -> src/institutions/institution.entity.ts
];

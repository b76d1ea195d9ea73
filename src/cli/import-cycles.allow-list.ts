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
  'census -> condition', // src/census/import/import-worker.ts -> src/condition/assessment-import-runner.ts
  'census -> search', // src/census/record-update.service.ts -> src/search/catalogue-sync.service.ts
  'census -> triage', // src/census/import/import-batch.service.ts -> src/triage/triage-state.repository.ts
  'condition -> census', // src/condition/assessment-import-runner.ts -> src/census/import/import-job-control.ts
  'condition -> grading', // src/condition/assessment-import-store.service.ts -> src/grading/grading-assessment.entity.ts
  'condition -> triage', // src/condition/assessment-record.service.ts -> src/triage/triage-state.repository.ts
  'grading -> census', // src/grading/grading-assessment.entity.ts -> src/census/census-record.entity.ts
  'grading -> condition', // src/grading/grading.service.ts -> src/condition/assessment-record.service.ts
  'images -> census', // src/images/record-image.entity.ts -> src/census/census-record.entity.ts
  'restoration -> census', // src/restoration/restoration-grant.service.ts -> src/census/census-record.entity.ts
  'restoration -> condition', // src/restoration/work-order.entity.ts -> src/condition/condition-assessment.entity.ts
  'restoration -> images', // src/restoration/work-order-photo.entity.ts -> src/images/record-image.entity.ts
  'search -> census', // src/search/catalogue-sync.service.ts -> src/census/record-body.ts
  'triage -> restoration', // src/triage/triage.service.ts -> src/restoration/work-order-access.rules.ts
];

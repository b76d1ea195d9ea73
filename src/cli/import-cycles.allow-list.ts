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
  'restoration -> images', // src/restoration/work-order-photo.entity.ts -> src/images/record-image.entity.ts
];

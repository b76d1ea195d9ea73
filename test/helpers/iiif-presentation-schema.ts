// Validates IIIF Presentation 3.0 documents against the shared JSON schema (draft-07) with ajv.
import fs from 'node:fs';
import { Ajv } from 'ajv';

// A copy of the official IIIF schema (the project's shared/iiif/presentation-3.schema.json) kept in
// the repository, so the tests run from any clone.
const SCHEMA_FILE = new URL('../fixtures/iiif/presentation-3.schema.json', import.meta.url);

let validate: (((doc: unknown) => boolean) & { errors?: unknown }) | undefined;

/** The schema's errors for a document (empty when it validates). */
export function presentationErrors(doc: unknown): unknown[] {
  if (!validate) {
    // strict: false — the schema uses keywords (`default` beside `$ref` …) that strict mode rejects.
    const ajv = new Ajv({ strict: false, allErrors: true });
    // The two formats the schema uses; declared here rather than through another package.
    ajv.addFormat('uri', (s: string) => URL.canParse(s));
    ajv.addFormat('date-time', (s: string) =>
      /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(s),
    );
    validate = ajv.compile(JSON.parse(fs.readFileSync(SCHEMA_FILE, 'utf8')));
  }
  return validate(doc) ? [] : ((validate.errors as unknown[]) ?? ['invalid']);
}

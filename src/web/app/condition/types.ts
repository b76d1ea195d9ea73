// The condition and grading answers as the generated API types describe them.
import type { paths } from '../api/openapi.js';

export type Assessments =
  paths['/api/records/{censusNumber}/assessments']['get']['responses'][200]['content']['application/json'];
export type Gradings =
  paths['/api/records/{censusNumber}/gradings']['get']['responses'][200]['content']['application/json'];
export type Computed =
  paths['/api/assessments/compute']['post']['responses'][200]['content']['application/json'];

export const assessmentsKey = (cn: string) => ['assessments', cn] as const;
export const gradingsKey = (cn: string) => ['gradings', cn] as const;

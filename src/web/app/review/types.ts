// The review page's data, typed by the server's OpenAPI document.
import type { paths } from '../api/openapi.js';

export type ReviewView =
  paths['/api/records/{censusNumber}/review']['get']['responses'][200]['content']['application/json'];
export type ReviewComment = ReviewView['comments'][number];
export type ReviewAction = ReviewView['allowedActions'][number];
export type RecordImage =
  paths['/api/records/{censusNumber}/images']['get']['responses'][200]['content']['application/json']['items'][number];

/** The query key of a record's review view (refetched after every step and comment). */
export const reviewKey = (censusNumber: string) => ['review-view', censusNumber] as const;

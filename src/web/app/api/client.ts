// The app's only way to the server: openapi-fetch typed by the generated OpenAPI types. The session
// lives in the HttpOnly cookie; unsafe requests carry the session's CSRF token (from /api/auth/me
// or the login answer), kept in memory only.
import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './openapi.js';

let csrfToken: string | null = null;

/** Keeps the CSRF token of the current web session. */
export function setCsrfToken(token: string | null | undefined): void {
  csrfToken = token ?? null;
}

/** The CSRF header for a request the typed client does not make (multipart uploads). */
export function csrfHeaders(): Record<string, string> {
  return csrfToken ? { 'x-csrf-token': csrfToken } : {};
}

/** An error detail as the server sends it (field path, rule and bilingual message). */
export interface ApiProblem {
  path?: string;
  rule?: string;
  messageZh?: string;
  messageEn?: string;
}

/** An error answer of the API ({error:{code,message,messageZh,messageEn,details},requestId}), or a network failure (status 0). */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    readonly messageZh: string | null,
    readonly messageEn: string | null,
    readonly details: ApiProblem[],
    readonly requestId: string | null,
    readonly retryAfter: number | null,
  ) {
    super(messageEn ?? messageZh ?? `HTTP ${status}`);
  }
}

const csrf: Middleware = {
  onRequest({ request }) {
    if (request.method !== 'GET' && request.method !== 'HEAD' && csrfToken)
      request.headers.set('x-csrf-token', csrfToken);
    return request;
  },
};

export const api = createClient<paths>({ baseUrl: '', credentials: 'same-origin' });
api.use(csrf);

interface ErrorBody {
  error?: {
    code?: string;
    message?: string;
    messageZh?: string;
    messageEn?: string;
    details?: ApiProblem[];
    retryAfter?: number;
  };
  requestId?: string;
}

/**
 * Unwraps an openapi-fetch answer: its data, or an ApiError built from the server's error body.
 * Use as `data(await api.GET(...))`; network failures become ApiError status 0.
 */
export function data<T>(answer: { data?: T; error?: unknown; response: Response }): T {
  if (answer.response.ok) return answer.data as T;
  const body = (answer.error ?? {}) as ErrorBody;
  const e = body.error ?? {};
  throw new ApiError(
    answer.response.status,
    e.code ?? 'HTTP_ERROR',
    e.messageZh ?? e.message ?? null,
    e.messageEn ?? e.message ?? null,
    Array.isArray(e.details) ? e.details : [],
    body.requestId ?? null,
    typeof e.retryAfter === 'number' ? e.retryAfter : null,
  );
}

/** Runs a request; a failed fetch (no connection) becomes ApiError status 0 ('NETWORK'). */
export async function call<T>(
  run: () => Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> {
  let answer: { data?: T; error?: unknown; response: Response };
  try {
    answer = await run();
  } catch {
    throw new ApiError(0, 'NETWORK', null, null, [], null, null);
  }
  return data(answer);
}

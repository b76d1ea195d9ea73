// JSON API client for the web shell. It relies on the HttpOnly session cookie (the bearer token is
// never stored by the page) and sends the session's CSRF token on every unsafe request.

import { pick, t } from './i18n.js';

const SAFE_METHODS = new Set(['GET', 'HEAD']);
let csrfToken = null;
let unauthorizedHandler = null;

/** Keeps the CSRF token of the current session in memory (from login or GET /api/auth/me). */
export function setCsrfToken(token) {
  csrfToken = token ?? null;
}

/** Called when a request other than login answers 401 (the session has ended). */
export function onUnauthorized(handler) {
  unauthorizedHandler = handler;
}

/** An error answer of the API, or a network failure (status 0). */
export class ApiError extends Error {
  constructor(status, error = {}, requestId = null) {
    super(error.message ?? `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.code = error.code ?? (status === 0 ? 'NETWORK' : 'HTTP_ERROR');
    this.messageZh = error.messageZh ?? null;
    this.messageEn = error.messageEn ?? null;
    this.details = Array.isArray(error.details) ? error.details : [];
    this.retryAfter = typeof error.retryAfter === 'number' ? error.retryAfter : null;
    // Workflow refusals (409) name the steps the record's status allows.
    this.allowedActions = Array.isArray(error.allowedActions) ? error.allowedActions : [];
    this.requestId = requestId;
  }

  /** The message in the interface language. */
  localized() {
    if (this.code === 'NETWORK') return t('common.networkError');
    if (this.code === 'BAD_RESPONSE') return t('common.badResponse');
    return pick(this.messageZh, this.messageEn) ?? this.message;
  }
}

/** Builds a query string from an object, leaving out empty values. */
export function toQuery(params = {}) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/**
 * Sends one request; resolves with the parsed JSON (null for 204), rejects with ApiError. A FormData
 * body goes as multipart (the browser sets the boundary), anything else as JSON.
 */
export async function request(method, path, body) {
  const headers = { accept: 'application/json' };
  const multipart = body instanceof FormData;
  if (body !== undefined && !multipart) headers['content-type'] = 'application/json';
  if (!SAFE_METHODS.has(method) && csrfToken) headers['x-csrf-token'] = csrfToken;
  let response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined || multipart ? body : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0);
  }
  if (response.status === 204) return null;
  const text = await response.text();
  let json = null;
  if (text) {
    try {
      json = JSON.parse(text);
    } catch {
      if (response.ok) throw new ApiError(response.status, { code: 'BAD_RESPONSE' });
    }
  }
  if (!response.ok) {
    const error = new ApiError(response.status, json?.error ?? {}, json?.requestId ?? null);
    if (response.status === 401 && !path.startsWith('/api/auth/login') && unauthorizedHandler)
      unauthorizedHandler(error);
    throw error;
  }
  return json;
}

export const api = {
  get: (path, query) => request('GET', path + toQuery(query)),
  post: (path, body = {}) => request('POST', path, body),
  patch: (path, body) => request('PATCH', path, body),
  put: (path, body) => request('PUT', path, body),
  delete: (path) => request('DELETE', path),
  /** Uploads a FormData (files) with the session's CSRF token. */
  upload: (path, formData) => request('POST', path, formData),
};

// The safe methods (RFC 9110 §9.2.1): requests that change nothing. CSRF checks and the caches'
// forgetting after writes turn on the same rule.

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Whether a request with this method is safe (changes nothing on the server). */
export function isSafeMethod(method: string): boolean {
  return SAFE_METHODS.has(method);
}

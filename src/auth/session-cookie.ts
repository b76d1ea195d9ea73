import { AppError } from '../kernel/app-error.js';

/** Name of the web session cookie (its value is a login token). */
export const SESSION_COOKIE = 'census_session';
/** Header that cookie-authenticated unsafe requests must carry (double check against CSRF). */
export const CSRF_HEADER = 'x-csrf-token';

/** The session cookie's flags: never readable by scripts, not sent on cross-site subrequests. */
export function sessionCookieOptions(secure: boolean) {
  return { httpOnly: true, sameSite: 'lax', secure, overwrite: true } as const;
}

/**
 * With an https public URL a password must not arrive over plain HTTP, and the Secure session
 * cookie could not be set on such a request: a clear 403 instead of a 500. Behind a trusted proxy
 * the request is https when the proxy says so (X-Forwarded-Proto).
 */
export function requireHttpsWhenSecure(ctx: { readonly secure: boolean }, secureCookies: boolean): void {
  if (secureCookies && !ctx.secure) {
    throw new AppError(
      403,
      'HTTPS_REQUIRED',
      '请通过 https 登录（前置代理须发送 X-Forwarded-Proto: https，并设置 TRUST_PROXY）',
      'Log in over https (the proxy in front must send X-Forwarded-Proto: https, with TRUST_PROXY set)',
    );
  }
}

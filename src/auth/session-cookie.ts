/** Name of the web session cookie (its value is a login token). */
export const SESSION_COOKIE = 'census_session';
/** Header that cookie-authenticated unsafe requests must carry (double check against CSRF). */
export const CSRF_HEADER = 'x-csrf-token';

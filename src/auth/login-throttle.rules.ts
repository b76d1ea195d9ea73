/** Failed logins tolerated per e-mail, and per client address, inside one window. */
export const LOGIN_THROTTLE = { windowMs: 15 * 60_000, perEmail: 5, perIp: 30 } as const;

/** Seconds until another attempt is allowed, or 0 when the caller is under the limits. */
export function retryAfterSeconds(
  failures: { byEmail: Date[]; byIp: Date[] },
  now: Date,
  limits: { windowMs: number; perEmail: number; perIp: number } = LOGIN_THROTTLE,
): number {
  const waitFor = (times: Date[], limit: number): number => {
    if (times.length < limit) return 0;
    const sorted = [...times].sort((a, b) => b.getTime() - a.getTime());
    // The window frees up when the limit-th most recent failure falls out of it.
    const pivot = sorted[limit - 1]!;
    return Math.max(0, Math.ceil((pivot.getTime() + limits.windowMs - now.getTime()) / 1000));
  };
  return Math.max(waitFor(failures.byEmail, limits.perEmail), waitFor(failures.byIp, limits.perIp));
}

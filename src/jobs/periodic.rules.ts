/** The minute a periodic job is due at, as the job queue's cron sees it (UTC). */
export interface CronMinute {
  readonly min: number;
  readonly hour: number;
  /** Day of the month, from 1. */
  readonly date: number;
}

/**
 * Whether a job that runs every `minutes` minutes is due at this minute. Counted from the start of
 * each month, so the times are fixed on the clock and the same on every instance: 24 h is at 00:00
 * UTC, 6 h at 00:00, 06:00, 12:00 and 18:00; an interval of a month or more runs on the 1st.
 */
export function isDueEvery(minutes: number, at: CronMinute): boolean {
  const every = Math.max(1, Math.round(minutes));
  return (((at.date - 1) * 24 + at.hour) * 60 + at.min) % every === 0;
}

/** A stored date column as YYYY-MM-DD, whichever way the driver hands it over. */
export function isoDay(v: unknown): string {
  if (v instanceof Date) {
    // Date columns come back as local midnight; format in local time so the day does not shift.
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${v.getFullYear()}-${pad(v.getMonth() + 1)}-${pad(v.getDate())}`;
  }
  return String(v).slice(0, 10);
}

/** Today as YYYY-MM-DD (local calendar). */
export function today(): string {
  return isoDay(new Date());
}

/** Totals of a work order from its log: leaves (叶, the unit of the national statistics) and hours. */
export function logTotals(entries: ReadonlyArray<{ leavesTreated: number; hours: number | string }>): {
  leaves: number;
  hours: number;
} {
  let leaves = 0;
  let hundredths = 0;
  for (const e of entries) {
    leaves += e.leavesTreated;
    // Summed in hundredths: the column keeps two decimals and float sums would drift (0.1 + 0.2).
    hundredths += Math.round(Number(e.hours) * 100);
  }
  return { leaves, hours: hundredths / 100 };
}

/** Distinct people who worked on an order: the log's conservators and whoever started, resumed or completed it. */
export function workerIds(
  logConservatorIds: readonly string[],
  transitions: ReadonlyArray<{ action: string | null; actorId: string }>,
): string[] {
  const working = new Set(['start', 'hold', 'resume', 'complete']);
  const ids = new Set(logConservatorIds);
  for (const t of transitions) if (t.action && working.has(t.action)) ids.add(t.actorId);
  return [...ids];
}

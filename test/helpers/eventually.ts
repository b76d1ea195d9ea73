/**
 * Asks until `done` holds or 10 s pass, and returns the last answer (another instance hears of a
 * change when PostgreSQL tells it; a background job finishes when it does).
 */
export async function eventually<T>(ask: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  for (const deadline = Date.now() + 10_000; ;) {
    const value = await ask();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, 50));
  }
}

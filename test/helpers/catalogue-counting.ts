// The catalogue's counting limits (the `catalogue_counting` setting) written behind the app's
// back, as an operator would in SQL. The app hears of it through PostgreSQL's NOTIFY a moment after
// the commit (http-cache/change-listener.ts) and forgets the result sets and pages it kept, whose
// counts followed the old setting: this waits for that, so the next search does not race it.
import type { TestApp } from './test-app.js';
import { eventually } from './eventually.js';

export async function setCatalogueCounting(
  app: TestApp,
  value: Record<string, number> | undefined,
): Promise<void> {
  const heardBefore = app.deps.resultSets!.begin();
  const em = app.orm.em.fork();
  await em.execute("delete from setting where key = 'catalogue_counting'");
  if (value)
    await em.execute(
      "insert into setting (key, value, updated_at) values ('catalogue_counting', ?::jsonb, now())",
      [JSON.stringify(value)],
    );
  await eventually(
    async () => app.deps.resultSets!.begin(),
    (generation) => generation !== heardBefore,
  );
}

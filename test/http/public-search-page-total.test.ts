// The results page counts its total without facet counts (catalogue-results.service.ts): it must
// show the same total, exact or estimated, as the search API gives for the same query — also when
// the exact-count limit is low and totals come from the token statistics or a sample.
import test, { type ExecutionContext } from 'ava';
import { ADMIN, startTestApp, type TestApp } from '../helpers/test-app.js';
import { ApiClient } from '../helpers/api-client.js';
import { setCatalogueCounting } from '../helpers/catalogue-counting.js';
import { createInstitution, publishRecord } from '../helpers/fixtures.js';
import { validGujiInput } from '../helpers/record-input.js';

let app: TestApp;
let anon: ApiClient;

const QUERIES = ['朱', '朱子', '朱子大全', '刻本', '集注', '胡缉刻本', '天顺四年', '不存在之书', ''];

const setCounting = (value: Record<string, number> | undefined) => setCatalogueCounting(app, value);

/** Compares page and API for every query; returns how many totals were estimated. */
async function compare(t: ExecutionContext, label: string): Promise<number> {
  let estimated = 0;
  for (const q of QUERIES) {
    const api = await anon.get(`/api/catalogue/search?q=${encodeURIComponent(q)}`);
    t.is(api.status, 200, api.text);
    const html = await (await fetch(`${app.url}/catalogue/search?q=${encodeURIComponent(q)}`)).text();
    const shown = /<p class="pp-count" data-total="(\d+)">([\s\S]*?)<\/p>/.exec(html);
    t.truthy(shown, `${label} ${q}: the count`);
    t.is(Number(shown![1]), api.body.total, `${label} ${q}: total`);
    t.is(shown![2]!.includes('约'), api.body.totalApproximate, `${label} ${q}: 约 as the API says`);
    if (api.body.totalApproximate) estimated += 1;
  }
  return estimated;
}

test.before(async () => {
  app = await startTestApp();
  anon = new ApiClient(app.url);
  const admin = await new ApiClient(app.url).login(ADMIN.email, ADMIN.password);
  const inst = await createInstitution(admin, '110000', { name: '國家圖書館' });
  const titles = ['朱子大全一百卷', '四書章句集注十九卷', '朱子語類一百四十卷', '詩集傳八卷', '楚辭集注八卷'];
  for (const [i, title] of titles.entries()) {
    const res = await admin.post(
      '/api/records',
      validGujiInput({ institutionId: inst.id, callNumber: `T-${i}`, title }),
    );
    if (res.status !== 201) throw new Error(res.text);
    await publishRecord(admin, res.body.censusNumber);
  }
});
test.after.always(async () => {
  await app?.close();
});

test.serial('the page shows the API’s total, exactly counted', async (t) => {
  t.is(await compare(t, 'exact'), 0);
});

test.serial('the page shows the API’s total when counts are estimated (exact limit 1)', async (t) => {
  await setCounting({ exactLimit: 1 });
  // The setting reaches the kept results pages by notification: wait until they are forgotten.
  for (const deadline = Date.now() + 10_000; app.deps.publicPages!.size > 0 && Date.now() < deadline;)
    await new Promise((r) => setTimeout(r, 20));
  try {
    t.true((await compare(t, 'estimated')) > 0, 'some totals are estimates');
  } finally {
    await setCounting(undefined);
  }
});

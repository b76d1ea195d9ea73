import { jpegImage, postFiles } from '../../fixtures/images.js';
import { createUser, publishRecord, STRONG_PASSWORD } from '../../helpers/fixtures.js';
import { validGujiInput } from '../../helpers/record-input.js';
import { ApiClient } from '../../helpers/api-client.js';
import type { World } from './world.js';

/** What the read cases use beyond the world: a published record of B with a history, and B's data. */
interface ReadData {
  reader: ApiClient; // a registered reader (no institution)
  publishedB: string; // a published record of B, reviewed and edited
  draftB: string; // a draft of B with one page image
  imageB: string;
  importB: string;
  orderB: string; // a work order of B
}

const data = new WeakMap<World, Promise<ReadData>>();

function dataOf(w: World): Promise<ReadData> {
  let found = data.get(w);
  if (!found) {
    found = (async () => {
      const must = async <T extends { status: number; text: string }>(what: string, p: Promise<T>) => {
        const res = await p;
        if (res.status >= 300) throw new Error(`${what}: ${res.status} ${res.text}`);
        return res;
      };
      const record = async (callNumber: string) =>
        (
          await must(
            'record',
            w.admin.post('/api/records', validGujiInput({ institutionId: w.instB.id, callNumber })),
          )
        ).body.censusNumber as string;
      const publishedB = await record('读-发布');
      await publishRecord(w.admin, publishedB);
      const draftB = await record('读-草稿');
      const upload = await postFiles(`${w.admin.baseUrl}/api/records/${draftB}/images`, w.admin.token, [
        { name: 'p.jpg', data: await jpegImage(32, 40), type: 'image/jpeg' },
      ]);
      if (upload.status !== 201) throw new Error(`image: ${upload.status} ${upload.text}`);
      const form = new FormData();
      form.set('file', new Blob(['索书号,题名卷数\nR1,论语\n']), 'r.csv');
      const imported = await fetch(`${w.admin.baseUrl}/api/institutions/${w.instB.id}/imports`, {
        method: 'POST',
        headers: { authorization: `Bearer ${w.admin.token}` },
        body: form,
      });
      if (imported.status >= 300) throw new Error(`import: ${imported.status}`);
      const order = await must('work order', w.admin.post('/api/work-orders', { censusNumber: publishedB }));
      const readerUser = await createUser(w.admin, { role: 'reader' });
      return {
        reader: await new ApiClient(w.admin.baseUrl).login(readerUser.email, STRONG_PASSWORD),
        publishedB,
        draftB,
        imageB: upload.body.items[0].id as string,
        importB: ((await imported.json()) as { id: string }).id,
        orderB: order.body.id as string,
      };
    })();
    data.set(w, found);
  }
  return found;
}

/** One refused read: `refused` is true when the answer was 401/403/404 or did not contain the data. */
export interface ReadResult {
  who: string;
  status: number;
  refused: boolean;
}
export type ReadCheck = (w: World) => Promise<ReadResult[]>;
/**
 * `shared`: reference data, published data or the directory of institutions every account may
 * read; `self-only`: answers about the caller only. Everything else names its attempts.
 */
export type ReadEntry = ReadCheck | 'shared' | 'self-only';

type Res = { status: number; text: string };
/** A single-object read of someone else's data: refused means 401, 403 or 404. */
const single = (who: string, res: Res): ReadResult => ({
  who,
  status: res.status,
  refused: [401, 403, 404].includes(res.status),
});
/** A list or export: refused means an error answer, or an answer without the other tenant's data. */
const without = (who: string, res: Res, needle: string): ReadResult => ({
  who,
  status: res.status,
  refused: res.status !== 200 || !res.text.includes(needle),
});

const workflowReads =
  (segment: string): ReadCheck =>
  async (w) => {
    const d = await dataOf(w);
    return [
      single(
        `cataloguer A: ${segment} of a submitted record of B`,
        await w.catA.get(`/api/records/${w.recordB}/${segment}`),
      ),
      single(
        `Fujian admin: ${segment} of a Jiangsu record`,
        await w.paFujian.get(`/api/records/${w.recordJs}/${segment}`),
      ),
      single(
        `reader: ${segment} of a published record`,
        await d.reader.get(`/api/records/${d.publishedB}/${segment}`),
      ),
      single(
        `cataloguer A: ${segment} of B's published record`,
        await w.catA.get(`/api/records/${d.publishedB}/${segment}`),
      ),
      single(
        `conservator A: ${segment} of B's published record`,
        await w.consA.get(`/api/records/${d.publishedB}/${segment}`),
      ),
      single(
        `anonymous: ${segment} of a published record`,
        await new ApiClient(w.admin.baseUrl).get(`/api/records/${d.publishedB}/${segment}`),
      ),
    ];
  };

const recordRead =
  (segment: string): ReadCheck =>
  async (w) => [
    single(
      `cataloguer A: ${segment} of a record of B`,
      await w.catA.get(`/api/records/${w.recordB}${segment}`),
    ),
    single(
      `Fujian admin: ${segment} of a Jiangsu record`,
      await w.paFujian.get(`/api/records/${w.recordJs}${segment}`),
    ),
  ];

const institutionExport =
  (segment: string): ReadCheck =>
  async (w) => [
    single(`cataloguer A: ${segment} of B`, await w.catA.get(`/api/institutions/${w.instB.id}/${segment}`)),
    single(
      `Fujian admin: ${segment} of Jiangsu`,
      await w.paFujian.get(`/api/institutions/${w.instJs.id}/${segment}`),
    ),
  ];

/** For each GET route of the API: the cross-tenant reads and whether each was refused. */
export const READ_CASES: Record<string, ReadEntry> = {
  'GET /health': 'shared',
  'GET /api/provinces': 'shared',
  'GET /api/institution-types': 'shared',
  'GET /api/rights-statements': 'shared',
  'GET /api/roles': 'shared',
  'GET /api/code-lists': 'shared',
  'GET /api/edition-date': 'shared',
  'GET /api/record-fields': 'shared',
  'GET /api/import-templates/:kind': 'shared',
  'GET /api/precious-list': 'shared',
  'GET /api/catalogue/search': 'shared',
  'GET /api/catalogue/suggest': 'shared',
  'GET /api/catalogue/opensearch.xml': 'shared',
  'GET /api/catalogue/changes': 'shared',
  'GET /api/catalogue/changes/page/:page': 'shared',
  'GET /api/catalogue/records/:censusNumber/same-edition': 'shared',
  'GET /api/catalogue/records/:censusNumber/citation': 'shared',
  'GET /robots.txt': 'shared',
  'GET /sitemap.xml': 'shared',
  'GET /sitemaps/records-:page.xml': 'shared',
  'GET /api/institutions': 'shared',
  'GET /api/institutions/:id': 'shared',
  'GET /api/rulesets': 'shared',
  'GET /api/triage/weights': 'shared',
  'GET /api/restoration-terms': 'shared',
  'GET /api/auth/me': 'self-only',
  'GET /api/auth/tokens': 'self-only',
  // Counts only, each within the caller's own scope (test/http/todo.test.ts checks the scopes).
  'GET /api/me/todo': 'self-only',
  'GET /api/users': async (w) => [
    without('cataloguer A lists accounts', await w.catA.get('/api/users?pageSize=200'), w.userB.id),
    without('Fujian admin lists accounts', await w.paFujian.get('/api/users?pageSize=200'), w.userJs.id),
  ],
  'GET /api/institutions/:id/users': async (w) => [
    single("cataloguer A: B's accounts", await w.catA.get(`/api/institutions/${w.instB.id}/users`)),
    without(
      "Fujian admin: a Jiangsu institution's accounts",
      await w.paFujian.get(`/api/institutions/${w.instJs.id}/users`),
      w.userJs.id,
    ),
  ],
  // The roles and provinces the caller may hand out: nothing of another tenant's.
  'GET /api/users/role-choices': 'self-only',
  // The institution form's choices for the caller (the provinces they administer): nothing of others.
  'GET /api/institution-form-options': 'self-only',
  'GET /api/users/:id': async (w) => [
    single('cataloguer A: an account of B', await w.catA.get(`/api/users/${w.userB.id}`)),
    single('Fujian admin: a Jiangsu account', await w.paFujian.get(`/api/users/${w.userJs.id}`)),
  ],
  'GET /api/audit': async (w) => [
    single('cataloguer A reads the audit log', await w.catA.get('/api/audit')),
    without('Fujian admin reads the audit log', await w.paFujian.get('/api/audit?pageSize=200'), w.userJs.id),
  ],
  'GET /api/records': async (w) => [
    without('cataloguer A lists records', await w.catA.get('/api/records?pageSize=200'), w.recordB),
    without('Fujian admin lists records', await w.paFujian.get('/api/records?pageSize=200'), w.recordJs),
  ],
  'GET /api/records/:censusNumber': recordRead(''),
  'GET /api/records/:censusNumber/versions': workflowReads('versions'),
  'GET /api/records/:censusNumber/review': workflowReads('review'),
  'GET /api/records/:censusNumber/gradings': recordRead('/gradings'),
  'GET /api/records/:censusNumber/assessments': recordRead('/assessments'),
  'GET /api/records/:censusNumber/images': async (w) => {
    const d = await dataOf(w);
    return [single("cataloguer A: images of B's draft", await w.catA.get(`/api/records/${d.draftB}/images`))];
  },
  'GET /api/images/:id': async (w) => {
    const d = await dataOf(w);
    return [
      single("cataloguer A: an image of B's draft", await w.catA.get(`/api/images/${d.imageB}`)),
      single("reader: an image of B's draft", await d.reader.get(`/api/images/${d.imageB}`)),
    ];
  },
  'GET /api/review-assignments': async (w) => [
    without('cataloguer A lists assignments', await w.catA.get('/api/review-assignments'), w.assignmentJs),
    without(
      'Fujian admin lists assignments',
      await w.paFujian.get('/api/review-assignments'),
      w.assignmentJs,
    ),
  ],
  'GET /api/review-queue': async (w) => [
    without('cataloguer A: review queue', await w.catA.get('/api/review-queue?pageSize=200'), w.recordB),
    without('Fujian admin: review queue', await w.paFujian.get('/api/review-queue?pageSize=200'), w.recordJs),
  ],
  'GET /api/institutions/:id/imports': institutionExport('imports'),
  // What the caller may import for an institution: another tenant's answers offer nothing.
  'GET /api/institutions/:id/import-options': async (w) => {
    const offers = (who: string, res: { status: number; text: string; body: any }): ReadResult => ({
      who,
      status: res.status,
      refused: res.status !== 200 || (res.body.kinds.length === 0 && !res.body.mayExport),
    });
    return [
      offers(
        'cataloguer A: import options of B',
        await w.catA.get(`/api/institutions/${w.instB.id}/import-options`),
      ),
      offers(
        'Fujian admin: import options of Jiangsu',
        await w.paFujian.get(`/api/institutions/${w.instJs.id}/import-options`),
      ),
    ];
  },
  'GET /api/imports/:id': async (w) => {
    const d = await dataOf(w);
    return [single("cataloguer A: B's import", await w.catA.get(`/api/imports/${d.importB}`))];
  },
  'GET /api/imports/:id/errors.csv': async (w) => {
    const d = await dataOf(w);
    return [
      single("cataloguer A: B's import errors", await w.catA.get(`/api/imports/${d.importB}/errors.csv`)),
    ];
  },
  'GET /api/institutions/:id/export': institutionExport('export'),
  'GET /api/institutions/:id/catalogue': institutionExport('catalogue'),
  'GET /api/triage': async (w) => [
    without('cataloguer A: triage list', await w.catA.get('/api/triage?pageSize=200'), w.recordB),
    without('Fujian admin: triage list', await w.paFujian.get('/api/triage?pageSize=200'), w.recordJs),
  ],
  'GET /api/triage/export': async (w) => [
    without('cataloguer A: triage export', await w.catA.get('/api/triage/export'), w.recordB),
    without('Fujian admin: triage export', await w.paFujian.get('/api/triage/export'), w.recordJs),
  ],
  'GET /api/statistics': async (w) => [
    without('cataloguer A: statistics', await w.catA.get('/api/statistics'), w.instB.id),
    without('Fujian admin: statistics', await w.paFujian.get('/api/statistics'), w.instJs.id),
  ],
  'GET /api/work-orders/statistics': async (w) => [
    without(
      'cataloguer A: work-order statistics',
      await w.catA.get('/api/work-orders/statistics'),
      w.instB.id,
    ),
    without(
      'Fujian admin: work-order statistics',
      await w.paFujian.get('/api/work-orders/statistics'),
      w.instJs.id,
    ),
  ],
  'GET /api/work-orders': async (w) => {
    const d = await dataOf(w);
    return [
      without('conservator A lists work orders', await w.consA.get('/api/work-orders'), d.orderB),
      without('cataloguer A lists work orders', await w.catA.get('/api/work-orders'), d.orderB),
    ];
  },
  'GET /api/work-orders/:id': async (w) => {
    const d = await dataOf(w);
    return [single("conservator A: B's work order", await w.consA.get(`/api/work-orders/${d.orderB}`))];
  },
  'GET /api/work-orders/:id/record': async (w) => {
    const d = await dataOf(w);
    return [
      single(
        "conservator A: B's restoration record",
        await w.consA.get(`/api/work-orders/${d.orderB}/record`),
      ),
    ];
  },
  'GET /iiif/manifest/work-order/:id': async (w) => {
    const d = await dataOf(w);
    return [
      single(
        "conservator A: B's work-order manifest",
        await w.consA.get(`/iiif/manifest/work-order/${d.orderB}`),
      ),
      single("reader: B's work-order manifest", await d.reader.get(`/iiif/manifest/work-order/${d.orderB}`)),
    ];
  },
};

/**
 * Spellings of a path that must be refused exactly like the canonical one: letter case, doubled
 * and trailing slashes, percent-encoded letters and digits.
 */
export function pathSpellings(path: string): string[] {
  const encodeFirstDigit = path.replace(/\d/, (d) => `%3${d}`);
  return [
    path,
    path.replace('/api/', '/API/'),
    path.replace('/api/', '/Api/'),
    path.replace('/api/', '/api//'),
    `${path}/`,
    path.replace('/api/records', '/api/%72ecords'),
    encodeFirstDigit,
  ];
}

export { dataOf as readDataOf };

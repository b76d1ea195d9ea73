// `npm run bench:http`: requests/s and p50/p99 latency for /health and for an authenticated
// institution list over 3,000 institutions, at 32 concurrent connections. The service runs in its
// own process (as `npm start`); this process generates the load with autocannon.
import autocannon from 'autocannon';
import { startServiceProcess } from './service-process.js';
import { ApiClient } from '../helpers/api-client.js';
import { PROVINCES } from '../../src/institutions/provinces.data.js';

const INSTITUTIONS = 3000;
const CONNECTIONS = 32;
const DURATION_S = Number(process.env.BENCH_DURATION ?? 15);

const service = await startServiceProcess();
try {
  const admin = await new ApiClient(service.url).login(service.adminEmail, service.adminPassword);
  const types = ['公共图书馆', '高校图书馆', '博物馆', '档案馆', '科研机构', '宗教场所', '其他'];
  let next = 0;
  const worker = async () => {
    while (next < INSTITUTIONS) {
      const i = next++;
      const province = PROVINCES[i % PROVINCES.length]!;
      const res = await admin.post('/api/institutions', {
        provinceCode: province.code,
        code: String(2001 + Math.floor(i / PROVINCES.length)).padStart(4, '0'),
        name: `${province.nameZh}第${i + 1}收藏单位`,
        type: types[i % types.length],
      });
      if (res.status !== 201) throw new Error(`seeding failed: ${res.status} ${res.text}`);
    }
  };
  const seedStart = Date.now();
  await Promise.all(Array.from({ length: 8 }, worker));
  console.log(
    `seeded ${INSTITUTIONS} institutions through the API in ${((Date.now() - seedStart) / 1000).toFixed(1)} s`,
  );

  const run = (title: string, path: string, headers: Record<string, string> = {}) =>
    new Promise<autocannon.Result>((resolve, reject) => {
      autocannon(
        { url: service.url + path, connections: CONNECTIONS, duration: DURATION_S, headers, title },
        (err, result) => (err ? reject(err) : resolve(result)),
      );
    });

  const rows: string[] = [];
  for (const [title, path, headers] of [
    ['GET /health', '/health', {}],
    [
      'GET /api/institutions (authenticated, 50 per page of 3,000)',
      '/api/institutions?page=7&pageSize=50',
      { authorization: `Bearer ${admin.token}` },
    ],
    [
      'GET /api/institutions?provinceCode=350000 (filtered)',
      '/api/institutions?provinceCode=350000',
      { authorization: `Bearer ${admin.token}` },
    ],
  ] as const) {
    const r = await run(title, path, headers);
    const errors = r.errors + r.non2xx;
    rows.push(
      `| ${title} | ${Math.round(r.requests.average)} | ${r.latency.p50} | ${r.latency.p99} | ${errors} |`,
    );
  }
  console.log(`\n${CONNECTIONS} connections, ${DURATION_S} s each, service in a separate process\n`);
  console.log('| endpoint | requests/s | p50 ms | p99 ms | errors |');
  console.log('|---|---|---|---|---|');
  for (const row of rows) console.log(row);
} finally {
  await service.stop();
}

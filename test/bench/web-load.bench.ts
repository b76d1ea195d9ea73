// `npm run bench:web`: first load of a staff page of the React app in Chromium (cold cache, then
// warm), against the service started as `npm start` does. Prints the navigation timing (until
// `load`) and until the page's heading is drawn (the figure a person feels), median of N runs.
import { launchChromium } from '../helpers/browser.js';
import { startServiceProcess } from './service-process.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const service = await startServiceProcess();
const browser = await launchChromium();
try {
  // A logged-in browser profile: the cookie is set once, each cold run gets a new page with an empty cache.
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const login = await context.request.post(`${service.url}/api/auth/login`, {
    data: { email: service.adminEmail, password: service.adminPassword },
  });
  if (!login.ok()) throw new Error(`login failed: ${login.status()}`);

  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  for (const cache of ['cold', 'warm'] as const) {
    const load: number[] = [];
    const drawn: number[] = [];
    const bytes: number[] = [];
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    for (let i = 0; i < RUNS; i++) {
      if (cache === 'cold') await cdp.send('Network.clearBrowserCache');
      await page.goto(`${service.url}/`, { waitUntil: 'load' });
      // Checked every animation frame in the page: ms from navigation start to the drawn heading.
      const shown = await page.waitForFunction(
        () => (document.querySelector('main h1') ? performance.now() : null),
        undefined,
        { polling: 'raf' },
      );
      drawn.push(Number(await shown.jsonValue()));
      const timing = await page.evaluate(() => {
        const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
        const resources = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
        return {
          load: nav.loadEventEnd - nav.startTime,
          bytes: nav.transferSize + resources.reduce((sum, r) => sum + r.transferSize, 0),
        };
      });
      load.push(timing.load);
      bytes.push(timing.bytes);
    }
    await page.close();
    console.log(
      `/ (my work), ${cache} cache, median of ${RUNS}: load event ${median(load).toFixed(0)} ms, ` +
        `heading drawn ${median(drawn).toFixed(0)} ms, transferred ${(median(bytes) / 1024).toFixed(1)} kB`,
    );
  }
} finally {
  await browser.close();
  await service.stop();
}

// `npm run web:build`: builds the React staff app (src/web/app → src/web/dist) with Vite and writes
// a .br and a .gz beside every asset, so the server sends precompressed files. Without --force it
// builds only when the output is missing or older than its sources: `npm start` and `npm test` run
// it first (prestart/pretest), so a fresh clone needs nothing more than `npm install`.
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const webDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'web');
const appDir = path.join(webDir, 'app');
const distDir = path.join(webDir, 'dist');
const stamp = path.join(distDir, '.vite', 'manifest.json');
const rootDir = path.join(webDir, '..', '..');
// vendor-patches/: fixes applied to dependencies at install (patch-package), e.g. Mirador's page fitting.
const SOURCES = [
  appDir,
  path.join(webDir, 'page-routes.ts'),
  path.join(rootDir, 'package-lock.json'),
  path.join(webDir, 'vendor-patches'),
];
const COMPRESSIBLE = /\.(js|css|html|svg|json|txt|map)$/;

async function newestMtime(entry: string): Promise<number> {
  const stat = await fs.stat(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const child of await fs.readdir(entry))
    newest = Math.max(newest, await newestMtime(path.join(entry, child)));
  return newest;
}

async function isStale(): Promise<boolean> {
  const built = await fs.stat(stamp).then(
    (s) => s.mtimeMs,
    () => 0,
  );
  if (!built) return true;
  for (const source of SOURCES) if ((await newestMtime(source)) > built) return true;
  return false;
}

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

async function precompress(dir: string): Promise<void> {
  for (const name of await fs.readdir(dir, { recursive: true })) {
    if (!COMPRESSIBLE.test(name)) continue;
    const file = path.join(dir, name);
    const content = await fs.readFile(file);
    if (content.length < 1024) continue;
    await fs.writeFile(
      `${file}.br`,
      await brotli(content, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }),
    );
    await fs.writeFile(`${file}.gz`, await gzip(content, { level: 9 }));
  }
}

if (process.argv.includes('--force') || (await isStale())) {
  console.log('Building the web app (src/web/app → src/web/dist)…');
  await build({ configFile: path.join(appDir, 'vite.config.ts'), logLevel: 'warn' });
  await precompress(distDir);
  // The manifest is the freshness stamp: touch it last, after the compressed copies exist.
  const now = new Date();
  await fs.utimes(stamp, now, now);
  console.log('Web app built.');
} else {
  console.log('Web app is up to date (src/web/dist).');
}

// `npm run web:sizes`: what each page of the React app costs a first visit, gzip-compressed: the
// entry chunk and everything it imports statically, plus the page's own lazy chunk and its imports.
// Reads the Vite manifest of the last build (run `npm run web:build` first).
import fs from 'node:fs/promises';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

interface Chunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  css?: string[];
}

const distDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'web', 'dist');
const manifest = JSON.parse(
  await fs.readFile(path.join(distDir, '.vite', 'manifest.json'), 'utf8'),
) as Record<string, Chunk>;

/** Files a chunk needs before it runs: itself, its static imports (recursively) and their CSS. */
function closure(key: string, seen = new Set<string>()): Set<string> {
  const chunk = manifest[key];
  if (!chunk || seen.has(chunk.file)) return seen;
  seen.add(chunk.file);
  for (const css of chunk.css ?? []) seen.add(css);
  for (const imported of chunk.imports ?? []) closure(imported, seen);
  return seen;
}

async function gzipSize(files: Iterable<string>): Promise<number> {
  let total = 0;
  for (const file of files)
    total += zlib.gzipSync(await fs.readFile(path.join(distDir, file)), { level: 9 }).length;
  return total;
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;
const entryKey = Object.keys(manifest).find((k) => manifest[k]!.isEntry)!;
const shell = closure(entryKey);
console.log(`app shell (entry + shared code): ${kb(await gzipSize(shell))} gzip`);
for (const [key, chunk] of Object.entries(manifest)) {
  if (!chunk.isDynamicEntry) continue;
  const own = [...closure(key)].filter((file) => !shell.has(file));
  const page = path.basename(chunk.src ?? key).replace(/\.[jt]sx?$/, '');
  console.log(
    `${page}: +${kb(await gzipSize(own))} gzip → first load ${kb(await gzipSize(new Set([...shell, ...own])))}`,
  );
}

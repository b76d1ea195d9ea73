// `npm run census -- export-iiif --out manifests/ --base-url https://mirror.example.org/iiif`
// Writes the published manifests and the collections as static files for mirroring:
// <out>/collection/nation.json, collection/province/<code>.json, collection/institution/<id>.json
// and manifest/<census number>.json, with ids under --base-url. Image services keep pointing at
// the live service (--image-url, default PUBLIC_URL), which serves the pixels.
// Reads the database directly: DATABASE_URL, or else the embedded PostgreSQL under DATA_DIR
// (only while `npm start` is not running, since both would use the same data folder).
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config/config.js';
import { connectOrm } from '../db/orm.js';
import { exportPresentation } from '../iiif/presentation-export.service.js';
import { exportUrls } from '../iiif/presentation-urls.js';
import { imageAccessRule } from '../app/app-deps.js';

const USAGE =
  'usage: npm run census -- export-iiif --out <folder, e.g. manifests/> --base-url <URL the folder is served from> [--image-url <live service URL>]';

function absoluteUrl(value: string | undefined, name: string): string | null {
  if (!value || !URL.canParse(value) || !/^https?:$/.test(new URL(value).protocol)) {
    console.error(`${name} must be an absolute http(s) URL / ${name} 须为完整的 http(s) 地址\n${USAGE}`);
    return null;
  }
  return value.replace(/\/+$/, '');
}

/** Runs the export; returns the process exit code. */
export async function exportIiif(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      out: { type: 'string', default: 'manifests' },
      'base-url': { type: 'string' },
      'image-url': { type: 'string' },
    },
  });
  const config = loadConfig();
  const baseUrl = absoluteUrl(values['base-url'], '--base-url');
  const imageUrl = absoluteUrl(values['image-url'] ?? config.publicUrl, '--image-url');
  if (!baseUrl || !imageUrl) return 2;
  const outDir = path.resolve(values.out!);

  // Imported only when needed: its exit hook would otherwise take over the process's exit code.
  const embedded = config.databaseUrl
    ? null
    : await (
        await import('../runtime/embedded-postgres.js')
      ).startEmbeddedPostgres({ dir: path.join(config.dataDir, 'postgres'), log: () => undefined });
  const orm = await connectOrm(config.databaseUrl ?? embedded!.url);
  try {
    const summary = await exportPresentation(orm.em.fork(), {
      outDir,
      urls: exportUrls(baseUrl, imageUrl),
      imageAccess: imageAccessRule(),
    });
    console.log(
      `IIIF export → ${outDir}: ${summary.manifests} manifests, ${summary.collections} collections / 已导出 ${summary.manifests} 个清单、${summary.collections} 个集合`,
    );
    return 0;
  } finally {
    await orm.close(true);
    await embedded?.stop();
  }
}

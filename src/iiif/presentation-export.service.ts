// Use case: write the published manifests and the collections as static files for mirroring
// (`npm run census -- export-iiif`). The same presenters as the live service, with the URL scheme
// of the mirror. The files are built in a scratch folder and swapped in at the end, so a mirror
// never serves half an export and records withdrawn since the last run disappear from it.

import fs from 'node:fs/promises';
import path from 'node:path';
import type { EntityManager } from '@mikro-orm/postgresql';
import { CensusRecordSchema } from '../census/census-record.entity.js';
import { presentCollection } from './collection.presenter.js';
import { collectionSource } from './collection.service.js';
import { presentManifest } from './manifest.presenter.js';
import { manifestSource, presentationSettings } from './manifest.service.js';
import type { ImageAccess } from '../images/image-access.service.js';
import { exportFile, type CollectionKey, type PresentationUrls } from './presentation-urls.js';

/** What an export wrote. */
export interface ExportSummary {
  readonly manifests: number;
  readonly collections: number;
}

const FOLDERS = ['manifest', 'collection'] as const;

async function writeJson(root: string, file: string, doc: unknown): Promise<void> {
  const target = path.join(root, file);
  await fs.mkdir(path.dirname(target), { recursive: true });
  await fs.writeFile(target, `${JSON.stringify(doc, null, 2)}\n`);
}

/** Writes every collection (nation → province → institution) and every listed manifest under `outDir`. */
export async function exportPresentation(
  em: EntityManager,
  options: { outDir: string; urls: PresentationUrls; imageAccess: ImageAccess },
): Promise<ExportSummary> {
  const { outDir, urls, imageAccess } = options;
  await fs.mkdir(outDir, { recursive: true });
  const scratch = await fs.mkdtemp(path.join(outDir, '.export-'));
  try {
    const settings = await presentationSettings(em);
    let manifests = 0;
    let collections = 0;
    const pending: CollectionKey[] = [{ level: 'nation' }];
    while (pending.length) {
      const key = pending.shift()!;
      const source = await collectionSource(em, key);
      await writeJson(
        scratch,
        exportFile({ collection: key }),
        presentCollection(source, { urls, ...settings }),
      );
      collections += 1;
      for (const entry of source.entries) {
        if (entry.kind === 'collection') {
          pending.push(entry.key);
          continue;
        }
        const record = await em.findOneOrFail(
          CensusRecordSchema,
          { censusNumber: entry.censusNumber },
          { populate: ['institution'] },
        );
        const manifest = presentManifest(await manifestSource(em, imageAccess, record), {
          urls,
          ...settings,
        });
        await writeJson(scratch, exportFile({ manifest: entry.censusNumber }), manifest);
        manifests += 1;
      }
      // One institution's records at a time in the identity map, however large the census.
      em.clear();
    }
    for (const folder of FOLDERS) {
      await fs.rm(path.join(outDir, folder), { recursive: true, force: true });
      await fs.mkdir(path.join(scratch, folder), { recursive: true });
      await fs.rename(path.join(scratch, folder), path.join(outDir, folder));
    }
    return { manifests, collections };
  } finally {
    await fs.rm(scratch, { recursive: true, force: true });
  }
}

// `npm run census -- import <file> --institution <provinceCode-code> [--mode skip|atomic]`
// Imports a spreadsheet through the running service's API (so it is authorised and audited like
// any upload) and shows the job's progress. Settings: CENSUS_URL (default http://127.0.0.1:3000)
// and CENSUS_TOKEN (a personal API token), or CENSUS_EMAIL and CENSUS_PASSWORD.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import type { ImportCounters } from '../imports/import-runner.js';

const USAGE =
  'usage: npm run census -- import <file.csv|file.xlsx> --institution <provinceCode-code, e.g. 350000-2001> [--mode skip|atomic]';

/** An import job as `GET /api/imports/:id` answers it: its counters and how it ended. */
interface ImportStatus extends ImportCounters {
  id: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  error: { code: string; message: string } | null;
  errors: Array<{ row: number; field: string; message: string }>;
}
interface InstitutionList {
  items: Array<{ id: string; code: string; name: string; fullCode: string }>;
}

async function api<T>(base: string, token: string, pathname: string, init: RequestInit = {}): Promise<T> {
  const res = await fetch(base + pathname, {
    ...init,
    headers: { authorization: `Bearer ${token}`, ...(init.headers ?? {}) },
  });
  const body = (await res.json().catch(() => null)) as (T & { error?: { message?: string } }) | null;
  if (!res.ok || !body) throw new Error(body?.error?.message ?? `HTTP ${res.status}`);
  return body;
}

async function token(base: string): Promise<string> {
  if (process.env.CENSUS_TOKEN) return process.env.CENSUS_TOKEN;
  const { CENSUS_EMAIL: email, CENSUS_PASSWORD: password } = process.env;
  if (!email || !password)
    throw new Error(
      'Set CENSUS_TOKEN (a personal API token), or CENSUS_EMAIL and CENSUS_PASSWORD / 请设置 CENSUS_TOKEN 或 CENSUS_EMAIL 与 CENSUS_PASSWORD',
    );
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  const body = (await res.json()) as { token?: string; error?: { message?: string } };
  if (!res.ok || !body.token) throw new Error(body.error?.message ?? `login failed: HTTP ${res.status}`);
  return body.token;
}

async function main(): Promise<number> {
  // export-iiif reads the database itself (src/cli/export-iiif.ts); loaded only when asked for.
  if (process.argv[2] === 'export-iiif')
    return (await import('./export-iiif.js')).exportIiif(process.argv.slice(3));
  if (process.argv[2] === 'fixity') return (await import('./fixity.js')).fixity(process.argv.slice(3));
  if (process.argv[2] === 'migrate-parts') return (await import('./migrate-parts.js')).migrateParts();
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      institution: { type: 'string' },
      mode: { type: 'string', default: 'skip' },
      url: { type: 'string' },
    },
  });
  const [command, file] = positionals;
  if (command !== 'import' || !file || !values.institution || !['skip', 'atomic'].includes(values.mode!)) {
    console.error(USAGE);
    return 2;
  }
  const match = /^(\d{6})-(\d{4})$/.exec(values.institution);
  if (!match) {
    console.error(`--institution must look like 350000-2001 (province code - institution code)\n${USAGE}`);
    return 2;
  }
  const base = (values.url ?? process.env.CENSUS_URL ?? 'http://127.0.0.1:3000').replace(/\/+$/, '');
  const bearer = await token(base);
  const found = await api<InstitutionList>(
    base,
    bearer,
    `/api/institutions?provinceCode=${match[1]}&q=${match[2]}`,
  );
  const institution = found.items.find((i) => i.code === match[2]);
  if (!institution) throw new Error(`No institution ${values.institution} / 没有单位 ${values.institution}`);

  const form = new FormData();
  // openAsBlob streams the file from disk: a large spreadsheet is never read into memory here.
  form.set('file', await fs.openAsBlob(file), path.basename(file));
  const job = await api<ImportStatus>(
    base,
    bearer,
    `/api/institutions/${institution.id}/imports?mode=${values.mode}`,
    { method: 'POST', body: form },
  );
  console.log(`${institution.name} (${institution.fullCode}) ← ${path.basename(file)}  job ${job.id}`);

  const bar = new cliProgress.SingleBar(
    {
      format:
        '{bar} {value} rows | created {created} updated {updated} unchanged {unchanged} failed {failed} conflicts {conflicts}',
      hideCursor: true,
      noTTYOutput: true,
      notTTYSchedule: 2000,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(0, 0, { created: 0, updated: 0, unchanged: 0, failed: 0, conflicts: 0 });
  let status: ImportStatus = job;
  while (status.status === 'queued' || status.status === 'running') {
    await new Promise((r) => setTimeout(r, 500));
    status = await api<ImportStatus>(base, bearer, `/api/imports/${job.id}`);
    bar.setTotal(Math.max(status.total, status.processed, 1));
    bar.update(status.processed, { ...status });
  }
  bar.update(status.processed, { ...status });
  bar.stop();
  if (status.status === 'failed') {
    console.error(`导入失败 / Import failed: ${status.error?.message ?? 'unknown'}`);
    for (const e of status.errors.slice(0, 20)) console.error(`  row ${e.row} ${e.field}: ${e.message}`);
    return 1;
  }
  console.log(
    `done: ${status.total} rows, ${status.created} created, ${status.updated} updated, ${status.unchanged} unchanged, ${status.failed} failed, ${status.conflicts} conflicts`,
  );
  for (const e of status.errors.slice(0, 20)) console.log(`  row ${e.row} ${e.field}: ${e.message}`);
  if (status.failed + status.conflicts > 0)
    console.log(`error report: ${base}/api/imports/${job.id}/errors.csv`);
  return status.failed + status.conflicts > 0 ? 3 : 0;
}

try {
  process.exitCode = await main();
} catch (error) {
  console.error(`census: ${(error as Error).message}`);
  process.exitCode = 1;
}

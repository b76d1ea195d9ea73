// `npm run census -- fixity [--delete] [--grace-hours N]`: re-reads every master image from the
// object store and reports any whose SHA-256 differs from the one recorded at upload (or from the
// x-amz-meta-sha256 on the object), with census number and page; then lists bucket objects no row
// references and unfinished multipart uploads older than the grace period (ORPHAN_GRACE_HOURS,
// default 24), and removes them with --delete. Exit code 1 when a master has a problem. Uses
// DATABASE_URL and MINIO_* when set, else the embedded servers under DATA_DIR (only while
// `npm start` is not running).
import { parseArgs } from 'node:util';
import { pino } from 'pino';
import { loadConfig } from '../config/config.js';
import { connectOrm } from '../db/orm.js';
import { ObjectStore } from '../object-store/object-store.js';
import { startServices } from '../runtime/services.js';
import { checkFixity } from '../images/fixity.service.js';
import { sweepOrphans } from '../maintenance/orphan-sweep.service.js';

const REASONS = {
  missing: 'MISSING 缺失',
  mismatch: 'MISMATCH 不符',
  metadata: 'METADATA 元数据不符',
} as const;

/** Runs the fixity check and the orphan listing; returns the process exit code. */
export async function fixity(args: string[] = []): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { delete: { type: 'boolean', default: false }, 'grace-hours': { type: 'string' } },
  });
  const config = loadConfig();
  const graceHours = values['grace-hours'] === undefined ? undefined : Number(values['grace-hours']);
  if (graceHours !== undefined && !(graceHours >= 0)) {
    console.error('--grace-hours must be a number ≥ 0 / --grace-hours 须为不小于 0 的数');
    return 2;
  }
  const services = await startServices(config, pino({ level: 'silent' }));
  const orm = await connectOrm(services.databaseUrl);
  try {
    const store = new ObjectStore(services.objectStore);
    const report = await checkFixity(orm.em.fork(), store, (done, total) => {
      if (done % 100 === 0 || done === total) process.stderr.write(`\r${done}/${total}`);
    });
    process.stderr.write('\n');
    for (const p of report.problems) {
      console.log(
        `${REASONS[p.reason]}  ${p.censusNumber}  page ${p.sequence} (${p.label})  image ${p.imageId}  ${p.masterKey}  expected ${p.expected}  actual ${p.actual ?? '-'}`,
      );
    }
    console.log(
      `Fixity: ${report.checked} masters checked, ${report.ok} intact, ${report.problems.length} problem(s) / 校验 ${report.checked} 个母版，${report.ok} 个完好，${report.problems.length} 个有问题`,
    );
    const orphans = await sweepOrphans(orm.em.fork(), store, {
      graceMs: graceHours === undefined ? config.orphanGraceMs : graceHours * 3_600_000,
      remove: values.delete,
    });
    const verb = values.delete ? 'REMOVED 已删除' : 'ORPHAN 孤立';
    for (const o of orphans.objects)
      console.log(`${verb}  ${o.key}  ${o.size} bytes  ${o.lastModified.toISOString()}`);
    for (const u of orphans.uploads)
      console.log(
        `${values.delete ? 'ABORTED 已中止' : 'UNFINISHED 未完成上传'}  ${u.key}  ${u.initiated.toISOString()}`,
      );
    console.log(
      `Orphans: ${orphans.objects.length} object(s) no row references, ${orphans.uploads.length} unfinished upload(s)` +
        (values.delete ? ' removed / 已删除' : ' (remove them with --delete / 加 --delete 删除)'),
    );
    return report.problems.length ? 1 : 0;
  } finally {
    await orm.close(true);
    await services.stop();
  }
}

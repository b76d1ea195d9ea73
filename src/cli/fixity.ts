// `npm run census -- fixity`: re-reads every master image from the object store and reports any
// whose SHA-256 differs from the one recorded at upload (exit code 1 then). Uses DATABASE_URL and
// MINIO_* when set, else the embedded servers under DATA_DIR (only while `npm start` is not running).
import { pino } from 'pino';
import { loadConfig } from '../config/config.js';
import { connectOrm } from '../db/orm.js';
import { ObjectStore } from '../object-store/object-store.js';
import { startServices } from '../runtime/services.js';
import { checkFixity } from '../images/fixity.service.js';

const REASONS = {
  missing: 'MISSING 缺失',
  mismatch: 'MISMATCH 不符',
  metadata: 'METADATA 元数据不符',
} as const;

/** Runs the fixity check; returns the process exit code. */
export async function fixity(): Promise<number> {
  const config = loadConfig();
  const services = await startServices(config, pino({ level: 'silent' }));
  const orm = await connectOrm(services.databaseUrl);
  try {
    const report = await checkFixity(orm.em.fork(), new ObjectStore(services.objectStore), (done, total) => {
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
    return report.problems.length ? 1 : 0;
  } finally {
    await orm.close(true);
    await services.stop();
  }
}

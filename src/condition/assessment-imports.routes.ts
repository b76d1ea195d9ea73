import { z } from 'zod';
import { defineRoute } from '../http/route.js';
import { receiveMultipart } from '../http/multipart.js';
import { institutionIdParams } from '../institutions/institution.schemas.js';
import { queueImport } from '../census/import/import.service.js';
import { IMPORT_MODES } from '../census/import/import-job.entity.js';

const tag = 'Condition 破损定级';

export const assessmentImportRoutes = [
  defineRoute({
    method: 'post',
    path: '/api/institutions/:id/assessment-imports',
    summary:
      'Import condition assessments from CSV/XLSX (索书号, 评估日期, 评估人, 破损类型, 破损面积%, 受损叶数, 部位, pH, pH测量方法, 测量部位, 古籍级别, 改定等级, 改定理由; consecutive rows of one call number, date and assessor form one assessment; `mode=skip|atomic`) → 202 {id}; status and errors at /api/imports/:id',
    tag,
    auth: 'user',
    successStatus: 202,
    params: institutionIdParams,
    query: z.strictObject({ mode: z.enum(IMPORT_MODES).optional() }),
    handler: async ({ scope, params, query, koa, deps }) => {
      const upload = await receiveMultipart(koa, { maxFileBytes: deps.config.maxUploadBytes, maxFiles: 1 });
      try {
        const mode = z
          .enum(IMPORT_MODES)
          .default('skip')
          .parse(query.mode ?? upload.fields.mode ?? 'skip');
        const job = await queueImport(
          scope,
          deps.objectStore,
          params.id,
          upload.files.find((f) => f.field === 'file'),
          mode,
          'assessments',
        );
        deps.importWorker?.kick();
        return { status: 202, body: job, headers: { Location: `/api/imports/${job.id}` } };
      } finally {
        await upload.discard();
      }
    },
  }),
];

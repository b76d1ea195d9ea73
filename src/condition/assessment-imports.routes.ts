import { defineRoute } from '../kernel/route.js';
import { institutionIdParams } from '../institutions/institution.schemas.js';
import { importUploadQuery, queueUploadedImport } from '../census/import/import-upload.handler.js';

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
    query: importUploadQuery,
    handler: queueUploadedImport('assessments'),
  }),
];

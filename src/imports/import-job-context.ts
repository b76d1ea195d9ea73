import type { EntityManager } from '@mikro-orm/postgresql';
import { UserSchema } from '../users/user.entity.js';
import { actorOf } from '../auth/token.service.js';
import { AppError } from '../kernel/app-error.js';
import type { Context } from '../kernel/context.js';
import type { ImportJob } from './import-job.entity.js';

/**
 * The Context an import job works in, as a request would: its uploader as the actor (their account
 * as it is now, so the services authorise and audit the job's writes as theirs) and a request id
 * naming the job, which every audit entry of the job carries.
 */
export async function jobContext(em: EntityManager, job: ImportJob): Promise<Context> {
  const user = job.createdBy
    ? await em.findOne(UserSchema, { id: job.createdBy }, { populate: ['institution'] })
    : null;
  if (!user)
    throw new AppError(
      409,
      'IMPORT_UPLOADER_UNKNOWN',
      '找不到上传此文件的账号，导入未执行',
      'The account that uploaded this file no longer exists; the import did not run',
    );
  return { em, actor: actorOf(user, `import-${job.id}`, false), requestId: `import-${job.id}` };
}

import type { EntityManager } from '@mikro-orm/postgresql';
import { AppError } from '../kernel/app-error.js';
import { workOrderDetail } from './work-order-detail.service.js';
import type { LoadedOrder } from './work-order-access.service.js';

/** Throws 409 with the current order when the client saved over a version it had not seen. */
export async function assertVersion(
  em: EntityManager,
  loaded: LoadedOrder,
  sent: number,
  publicUrl: string,
): Promise<void> {
  const { order, roles } = loaded;
  if (order.version === sent) return;
  const current = await workOrderDetail(em, order, roles, publicUrl, loaded.actor);
  throw new AppError(
    409,
    'VERSION_CONFLICT',
    `工单已被他人修改（您的版本 ${sent}，当前版本 ${order.version}），请载入最新内容后再保存`,
    `The work order was changed by someone else (your version ${sent}, current ${order.version}); reload and save again`,
    [
      {
        path: 'version',
        value: sent,
        rule: 'current_version',
        messageZh: `当前版本为 ${order.version}`,
        messageEn: `current version is ${order.version}`,
      },
    ],
    { currentVersion: order.version, current },
  );
}

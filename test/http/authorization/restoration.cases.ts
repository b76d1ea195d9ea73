import { jpegImage, postFiles } from '../../fixtures/images.js';
import { createInstitution } from '../../helpers/fixtures.js';
import type { CaseEntry, World } from './world.js';

interface RestorationData {
  orderB: { id: string; version: number };
  orderJs: { id: string; version: number };
  grantB: string;
  roleJs: string;
  termId: string;
}

const data = new WeakMap<World, Promise<RestorationData>>();

/** A work order on recordB and on recordJs, a grant of recordB, an appointment in Jiangsu (once per world). */
function dataOf(w: World): Promise<RestorationData> {
  let found = data.get(w);
  if (!found) {
    found = (async () => {
      const order = async (cn: string) => {
        const res = await w.admin.post('/api/work-orders', { censusNumber: cn });
        if (res.status !== 201) throw new Error(`work order not created: ${res.status} ${res.text}`);
        return { id: res.body.id as string, version: res.body.version as number };
      };
      const centre = await createInstitution(w.admin, '110000', { isRestorationCentre: true });
      const grant = await w.admin.post('/api/restoration-grants', {
        censusNumber: w.recordB,
        centreId: centre.id,
      });
      if (grant.status !== 201) throw new Error(`grant not created: ${grant.text}`);
      const role = await w.admin.post('/api/restoration-roles', { userId: w.userJs.id, role: 'studio_head' });
      if (role.status !== 201) throw new Error(`role not created: ${role.text}`);
      const terms = await w.admin.get('/api/restoration-terms');
      return {
        orderB: await order(w.recordB),
        orderJs: await order(w.recordJs),
        grantB: grant.body.id,
        roleJs: role.body.id,
        termId: terms.body.items[0].id,
      };
    })();
    data.set(w, found);
  }
  return found;
}

/** Cross-tenant cases of restoration work orders, grants, appointments and vocabularies. */
export const RESTORATION_CASES: Record<string, CaseEntry> = {
  'POST /api/work-orders': async (w) => [
    {
      who: 'conservator A raises an order for a record of B',
      status: (await w.consA.post('/api/work-orders', { censusNumber: w.recordB })).status,
    },
    {
      who: 'Fujian admin raises an order for a Jiangsu record',
      status: (await w.paFujian.post('/api/work-orders', { censusNumber: w.recordJs })).status,
    },
  ],
  'PATCH /api/work-orders/:id': async (w) => {
    const { orderB, orderJs } = await dataOf(w);
    return [
      {
        who: "conservator A edits B's order",
        status: (
          await w.consA.patch(`/api/work-orders/${orderB.id}`, { version: orderB.version, custody: 'x' })
        ).status,
      },
      {
        who: 'Fujian admin edits a Jiangsu order',
        status: (
          await w.paFujian.patch(`/api/work-orders/${orderJs.id}`, { version: orderJs.version, custody: 'x' })
        ).status,
      },
    ];
  },
  'POST /api/work-orders/:id/transitions': async (w) => {
    const { orderB, orderJs } = await dataOf(w);
    const body = (v: number) => ({ action: 'cancel', reason: 'x', version: v });
    return [
      {
        who: "conservator A moves B's order",
        status: (await w.consA.post(`/api/work-orders/${orderB.id}/transitions`, body(orderB.version)))
          .status,
      },
      {
        who: 'Fujian admin cancels a Jiangsu order',
        status: (await w.paFujian.post(`/api/work-orders/${orderJs.id}/transitions`, body(orderJs.version)))
          .status,
      },
    ];
  },
  'POST /api/work-orders/:id/log': async (w) => {
    const { orderB } = await dataOf(w);
    return [
      {
        who: "conservator A logs on B's order",
        status: (
          await w.consA.post(`/api/work-orders/${orderB.id}/log`, {
            step: '补洞',
            leavesTreated: 1,
            hours: 1,
          })
        ).status,
      },
    ];
  },
  'POST /api/work-orders/:id/photos': async (w) => {
    const { orderB } = await dataOf(w);
    const res = await postFiles(
      `${w.consA.baseUrl}/api/work-orders/${orderB.id}/photos`,
      w.consA.token,
      [{ name: 'p.jpg', data: await jpegImage(32, 32), type: 'image/jpeg' }],
      { phase: 'before' },
    );
    return [{ who: "conservator A adds photos to B's order", status: res.status }];
  },
  'POST /api/restoration-grants': async (w) => [
    {
      who: 'cataloguer A grants a record of B',
      status: (
        await w.catA.post('/api/restoration-grants', { censusNumber: w.recordB, centreId: w.instA.id })
      ).status,
    },
    {
      who: 'Fujian admin grants a Jiangsu record',
      status: (
        await w.paFujian.post('/api/restoration-grants', { censusNumber: w.recordJs, centreId: w.instA.id })
      ).status,
    },
  ],
  'POST /api/restoration-grants/:id/revoke': async (w) => {
    const { grantB } = await dataOf(w);
    return [
      {
        who: "cataloguer A revokes B's grant",
        status: (await w.catA.post(`/api/restoration-grants/${grantB}/revoke`)).status,
      },
    ];
  },
  'POST /api/restoration-roles': async (w) => [
    {
      who: 'Fujian admin appoints a Jiangsu cataloguer',
      status: (await w.paFujian.post('/api/restoration-roles', { userId: w.userJs.id, role: 'inspector' }))
        .status,
    },
    {
      who: 'conservator A appoints a cataloguer of B',
      status: (await w.consA.post('/api/restoration-roles', { userId: w.userB.id, role: 'inspector' }))
        .status,
    },
  ],
  'DELETE /api/restoration-roles/:id': async (w) => {
    const { roleJs } = await dataOf(w);
    return [
      {
        who: 'Fujian admin withdraws a Jiangsu appointment',
        status: (await w.paFujian.delete(`/api/restoration-roles/${roleJs}`)).status,
      },
    ];
  },
  'POST /api/restoration-terms': async (w) => [
    {
      who: 'Fujian admin adds a national vocabulary term',
      status: (await w.paFujian.post('/api/restoration-terms', { kind: 'paste', value: '测试浆糊' })).status,
    },
  ],
  'PATCH /api/restoration-terms/:id': async (w) => {
    const { termId } = await dataOf(w);
    return [
      {
        who: 'Fujian admin deactivates a national vocabulary term',
        status: (await w.paFujian.patch(`/api/restoration-terms/${termId}`, { version: 1, active: false }))
          .status,
      },
    ];
  },
};

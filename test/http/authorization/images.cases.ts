import { jpegImage, postFiles } from '../../fixtures/images.js';
import type { CaseEntry, World } from './world.js';
import { validGujiInput } from '../../helpers/record-input.js';

const images = new WeakMap<World, Promise<{ b: string; js: string; cnB: string; cnJs: string }>>();

/**
 * A draft record of B and of Jiangsu, each with one page image, made by the national admin (once
 * per world). Drafts, because the world's submitted records lock their images during review.
 */
function imagesOf(w: World): Promise<{ b: string; js: string; cnB: string; cnJs: string }> {
  let found = images.get(w);
  if (!found) {
    found = (async () => {
      const data = await jpegImage(64, 80);
      const add = async (institutionId: string) => {
        const record = await w.admin.post(
          '/api/records',
          validGujiInput({ institutionId, callNumber: `图像-${institutionId.slice(0, 8)}` }),
        );
        if (record.status !== 201) throw new Error(`record not created: ${record.text}`);
        const cn = record.body.censusNumber as string;
        const res = await postFiles(`${w.admin.baseUrl}/api/records/${cn}/images`, w.admin.token, [
          { name: 'p.jpg', data, type: 'image/jpeg' },
        ]);
        if (res.status !== 201) throw new Error(`image not uploaded: ${res.status} ${res.text}`);
        return { cn, id: res.body.items[0].id as string };
      };
      const [b, js] = [await add(w.instB.id), await add(w.instJs.id)];
      return { b: b.id, js: js.id, cnB: b.cn, cnJs: js.cn };
    })();
    images.set(w, found);
  }
  return found;
}

const file = async () => [{ name: 'p.jpg', data: await jpegImage(32, 32), type: 'image/jpeg' }];

/** Cross-tenant cases of page images: upload, reorder, relabel (one or a batch), replace, delete. */
export const IMAGE_CASES: Record<string, CaseEntry> = {
  'POST /api/records/:censusNumber/images': async (w) => [
    {
      who: 'cataloguer A uploads to a record of B',
      status: (
        await postFiles(`${w.catA.baseUrl}/api/records/${w.recordB}/images`, w.catA.token, await file())
      ).status,
    },
    {
      who: 'conservator A uploads to a record of B',
      status: (
        await postFiles(`${w.consA.baseUrl}/api/records/${w.recordB}/images`, w.consA.token, await file())
      ).status,
    },
    {
      who: 'Fujian admin uploads to a Jiangsu record',
      status: (
        await postFiles(
          `${w.paFujian.baseUrl}/api/records/${w.recordJs}/images`,
          w.paFujian.token,
          await file(),
        )
      ).status,
    },
  ],
  'PUT /api/records/:censusNumber/images/order': async (w) => {
    const { b, js, cnB, cnJs } = await imagesOf(w);
    return [
      {
        who: 'cataloguer A reorders images of B',
        status: (await w.catA.request('PUT', `/api/records/${cnB}/images/order`, { imageIds: [b] })).status,
      },
      {
        who: 'Fujian admin reorders Jiangsu images',
        status: (await w.paFujian.request('PUT', `/api/records/${cnJs}/images/order`, { imageIds: [js] }))
          .status,
      },
    ];
  },
  'PUT /api/records/:censusNumber/images/labels': async (w) => {
    const { b, js, cnB, cnJs } = await imagesOf(w);
    return [
      {
        who: 'cataloguer A labels images of B in a batch',
        status: (
          await w.catA.request('PUT', `/api/records/${cnB}/images/labels`, {
            items: [{ id: b, label: '卷一 葉一a' }],
          })
        ).status,
      },
      {
        who: 'Fujian admin labels Jiangsu images in a batch',
        status: (
          await w.paFujian.request('PUT', `/api/records/${cnJs}/images/labels`, {
            items: [{ id: js, label: '卷一 葉一a' }],
          })
        ).status,
      },
    ];
  },
  'PATCH /api/images/:id': async (w) => {
    const { b, js } = await imagesOf(w);
    return [
      {
        who: 'cataloguer A relabels an image of B',
        status: (await w.catA.patch(`/api/images/${b}`, { label: 'x' })).status,
      },
      {
        who: 'Fujian admin relabels a Jiangsu image',
        status: (await w.paFujian.patch(`/api/images/${js}`, { label: 'x' })).status,
      },
    ];
  },
  'PUT /api/images/:id/master': async (w) => {
    const { b, js } = await imagesOf(w);
    return [
      {
        who: 'cataloguer A replaces an image of B',
        status: (
          await postFiles(`${w.catA.baseUrl}/api/images/${b}/master`, w.catA.token, await file(), {}, 'PUT')
        ).status,
      },
      {
        who: 'Fujian admin replaces a Jiangsu image',
        status: (
          await postFiles(
            `${w.paFujian.baseUrl}/api/images/${js}/master`,
            w.paFujian.token,
            await file(),
            {},
            'PUT',
          )
        ).status,
      },
    ];
  },
  'DELETE /api/images/:id': async (w) => {
    const { b, js } = await imagesOf(w);
    return [
      { who: 'cataloguer A deletes an image of B', status: (await w.catA.delete(`/api/images/${b}`)).status },
      {
        who: 'Fujian admin deletes a Jiangsu image',
        status: (await w.paFujian.delete(`/api/images/${js}`)).status,
      },
    ];
  },
};

import { z } from 'zod';
import { defineRoute, type HandlerInput } from '../kernel/route.js';
import { receiveMultipart } from '../kernel/multipart.js';
import { censusNumberParams } from '../census/record.schemas.js';
import { loadImageForWrite, loadRecordForImageWrite } from './image-access.service.js';
import { uploadImages, type ImageUploadDeps } from './image-upload.service.js';
import { replaceImage } from './image-replace.service.js';
import { relabelImage, relabelImages, reorderImages } from './image-edit.service.js';
import { deleteImage } from './image-delete.service.js';
import { getImage, listImagesOfRecord } from './image-query.service.js';
import {
  imageIdParams,
  imageListResponse,
  imageResponse,
  relabelBody,
  relabelManyBody,
  reorderBody,
  replaceQuery,
} from './image.schemas.js';

const tag = 'Images 图像';
const MAX_FILES_PER_UPLOAD = 200;

function uploadDeps({ deps }: Pick<HandlerInput<unknown, unknown, unknown>, 'deps'>): ImageUploadDeps {
  return {
    objectStore: deps.objectStore,
    publicUrl: deps.config.publicUrl,
    maxBytes: Math.min(deps.config.imageMaxBytes, deps.config.maxUploadBytes),
    maxPixels: deps.config.imageMaxPixels,
  };
}

export const imageRoutes = [
  defineRoute({
    method: 'post',
    path: '/api/records/:censusNumber/images',
    summary:
      'Upload page images (multipart, one or many files: TIFF, JPEG, PNG; optional `labels` = JSON array) → 201 {items}',
    tag,
    auth: 'user',
    params: censusNumberParams,
    successStatus: 201,
    response: z.object({ items: z.array(imageResponse) }),
    handler: async (input) => {
      const { scope, params, koa, deps } = input;
      // Authorise before reading a possibly huge body.
      await loadRecordForImageWrite(scope, params.censusNumber);
      const limits = uploadDeps(input);
      const upload = await receiveMultipart(koa, {
        maxFileBytes: limits.maxBytes,
        maxFiles: MAX_FILES_PER_UPLOAD,
      });
      try {
        const items = await uploadImages(
          scope,
          limits,
          params.censusNumber,
          upload.files,
          upload.fields.labels,
        );
        deps.derivativeWorker?.kick();
        return { status: 201, body: { items } };
      } finally {
        await upload.discard();
      }
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/records/:censusNumber/images',
    summary:
      "A record's page images in reading order (published records: anyone), with what the caller may do with them (abilities) and why they are locked",
    tag,
    auth: 'public',
    params: censusNumberParams,
    response: imageListResponse,
    handler: async ({ scope, params, deps }) => ({
      body: await listImagesOfRecord(scope, deps.imageAccess, deps.config.publicUrl, params.censusNumber),
    }),
  }),
  defineRoute({
    method: 'put',
    path: '/api/records/:censusNumber/images/order',
    summary: 'Reorder the page images: {imageIds} lists every image of the record once, in the new order',
    tag,
    auth: 'user',
    params: censusNumberParams,
    body: reorderBody,
    response: z.object({ items: z.array(imageResponse) }),
    handler: async ({ scope, params, body, deps }) => ({
      body: { items: await reorderImages(scope, deps.config.publicUrl, params.censusNumber, body.imageIds) },
    }),
  }),
  defineRoute({
    method: 'put',
    path: '/api/records/:censusNumber/images/labels',
    summary:
      'Relabel several page images at once ({items: [{id, label, version?}]}); all labels are stored or none',
    tag,
    auth: 'user',
    params: censusNumberParams,
    body: relabelManyBody,
    response: z.object({ items: z.array(imageResponse) }),
    handler: async ({ scope, params, body, deps }) => ({
      body: { items: await relabelImages(scope, deps.config.publicUrl, params.censusNumber, body.items) },
    }),
  }),
  defineRoute({
    method: 'get',
    path: '/api/images/:id',
    summary: 'One page image (status processing|ready|failed, with the error when failed)',
    tag,
    auth: 'public',
    params: imageIdParams,
    response: imageResponse,
    handler: async ({ scope, params, deps }) => ({
      body: await getImage(scope, deps.imageAccess, deps.config.publicUrl, params.id),
      headers: { 'Cache-Control': 'no-store' },
    }),
  }),
  defineRoute({
    method: 'patch',
    path: '/api/images/:id',
    summary: 'Relabel a page image ({label, version})',
    tag,
    auth: 'user',
    params: imageIdParams,
    body: relabelBody,
    response: imageResponse,
    handler: async ({ scope, params, body, deps }) => ({
      body: await relabelImage(scope, deps.config.publicUrl, params.id, body),
    }),
  }),
  defineRoute({
    method: 'put',
    path: '/api/images/:id/master',
    summary: 'Replace the master of a page image (multipart field `file`; `?version=` for locking)',
    tag,
    auth: 'user',
    params: imageIdParams,
    query: replaceQuery,
    response: imageResponse,
    handler: async (input) => {
      const { scope, params, query, koa, deps } = input;
      await loadImageForWrite(scope, params.id);
      const limits = uploadDeps(input);
      const upload = await receiveMultipart(koa, { maxFileBytes: limits.maxBytes, maxFiles: 1 });
      try {
        const image = await replaceImage(scope, limits, params.id, upload.files[0], query.version);
        deps.derivativeWorker?.kick();
        return { body: image };
      } finally {
        await upload.discard();
      }
    },
  }),
  defineRoute({
    method: 'delete',
    path: '/api/images/:id',
    summary: 'Delete a page image (master, derivatives and tiles); later images move up one place',
    tag,
    auth: 'user',
    params: imageIdParams,
    successStatus: 204,
    handler: async ({ scope, params, deps }) => {
      await deleteImage(scope, deps.objectStore, params.id);
      return { status: 204, body: null };
    },
  }),
];

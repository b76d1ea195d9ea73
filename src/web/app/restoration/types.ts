// The work-order answers as the generated API types describe them.
import type { paths } from '../api/openapi.js';

type Json<P extends keyof paths, M extends 'get' | 'post'> = paths[P][M] extends {
  responses: { 200: { content: { 'application/json': infer T } } };
}
  ? T
  : paths[P][M] extends { responses: { 201: { content: { 'application/json': infer T } } } }
    ? T
    : never;

export type WorkOrder = Json<'/api/work-orders/{id}', 'get'>;
export type WorkOrderList = Json<'/api/work-orders', 'get'>;
export type ActionOffer = WorkOrder['actions'][number];
export type RestorationTerm = Json<'/api/restoration-terms', 'get'>['items'][number];
export type Assessments = Json<'/api/records/{censusNumber}/assessments', 'get'>;

export const workOrderKey = (id: string) => ['work-order', id] as const;

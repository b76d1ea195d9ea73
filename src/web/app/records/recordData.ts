// Data of the record pages: the answer types (from the generated OpenAPI types), the queries the
// pages share (one record, the field layout, the code lists) and the few ways a value is written
// out (著者 in catalogue form, a size; derived dates come written out by the server). The field layout, the labels and what the
// user may do all come from the server.
import { useQuery } from '@tanstack/react-query';
import { api, call } from '../api/client.js';
import type { paths } from '../api/openapi.js';
import { pickLabel, type Lang } from '../i18n/index.js';

type Json<P extends keyof paths, M extends 'get'> = paths[P][M] extends {
  responses: { 200: { content: { 'application/json': infer T } } };
}
  ? T
  : never;

export type RecordJson = Json<'/api/records/{censusNumber}', 'get'>;
export type RecordList = Json<'/api/records', 'get'>;
export type RecordListItem = RecordList['items'][number];
export type RecordFields = Json<'/api/record-fields', 'get'>;
export type FieldGroup = RecordFields['groups'][number];
export type Field = FieldGroup['fields'][number];
export type RecordType = RecordJson['type'];
export type Label = { zh: string; en: string };

/** A code list as GET /api/code-lists answers it (the route ships no response schema yet). */
export interface CodeList {
  name: string;
  labelZh: string;
  labelEn: string;
  values: Array<{ value: string; aliases: string[]; active: boolean }>;
}

export const recordKey = (censusNumber: string) => ['record', censusNumber] as const;
/** Where the form leaves the warnings of a save for the record page to show once. */
export const savedWarningsKey = (censusNumber: string) => ['saved-warnings', censusNumber] as const;

/** One record with its labels, offered actions and abilities. */
export function useRecord(censusNumber: string) {
  return useQuery({
    queryKey: recordKey(censusNumber),
    queryFn: () => call(() => api.GET('/api/records/{censusNumber}', { params: { path: { censusNumber } } })),
  });
}

/** The record's fields in catalogue order, with labels (reference data: kept for the session). */
export function useRecordFields() {
  return useQuery({
    queryKey: ['record-fields'],
    queryFn: () => call(() => api.GET('/api/record-fields')),
    staleTime: Infinity,
  });
}

/** The code lists by name (kept for a few minutes: national admins may add values). */
export function useCodeLists() {
  return useQuery({
    queryKey: ['code-lists'],
    queryFn: async () => {
      const answer = (await call(() => api.GET('/api/code-lists'))) as unknown as { items: CodeList[] };
      return new Map(answer.items.map((list) => [list.name, list]));
    },
    staleTime: 5 * 60_000,
  });
}

/** The values of a code list a field may take: active ones, plus `keep` (the stored value). */
export function codeValues(lists: Map<string, CodeList> | undefined, name: string, keep?: string | null) {
  const values = (lists?.get(name)?.values ?? [])
    .filter((v) => v.active || v.value === keep)
    .map((v) => v.value);
  if (keep && !values.includes(keep)) values.push(keep);
  return values;
}

/** Whether a field or group belongs to a record type. */
export function appliesTo(item: { types?: readonly string[] }, type: string): boolean {
  return !item.types || item.types.includes(type);
}

/** The label of a field or group for a record type (题名 for 民国, 题名卷数 for 古籍). */
export function labelFor(item: { label: Label; labelMinguo?: Label }, type: string, lang: Lang): string {
  return pickLabel(type === 'minguo' && item.labelMinguo ? item.labelMinguo : item.label, lang);
}

/** （宋）朱熹撰 （明）邵寶輯 (ideographic space between) — the catalogue form of responsibility. */
export function formatAuthors(
  authors: ReadonlyArray<{ dynasty: string | null; name: string; role: string | null }>,
) {
  return authors.map((a) => `${a.dynasty ? `（${a.dynasty}）` : ''}${a.name}${a.role ?? ''}`).join('\u3000');
}

/** 27.5 × 17.2 */
export function formatSize(size: { height: number; width: number } | null | undefined): string {
  return size ? `${size.height} × ${size.width}` : '';
}

export const recordHref = (censusNumber: string, suffix = '') =>
  `/records/${encodeURIComponent(censusNumber)}${suffix}`;

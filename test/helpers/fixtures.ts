import type { ApiClient } from './api-client.js';

let counter = 0;
/** A unique, valid 4-digit institution code for this test file. */
export function nextInstitutionCode(): string {
  counter += 1;
  return String(2000 + counter).padStart(4, '0');
}

export const STRONG_PASSWORD = 'Strong-password-42';

/** Creates an institution as `admin` and returns its JSON. */
export async function createInstitution(
  admin: ApiClient,
  provinceCode: string,
  fields: Record<string, unknown> = {},
) {
  const res = await admin.post('/api/institutions', {
    provinceCode,
    code: nextInstitutionCode(),
    name: `测试图书馆${counter}`,
    type: '公共图书馆',
    ...fields,
  });
  if (res.status !== 201) throw new Error(`institution not created: ${res.status} ${res.text}`);
  return res.body as { id: string; provinceCode: string; code: string; version: number };
}

/** Creates an account as `admin` and returns its JSON (password STRONG_PASSWORD). */
export async function createUser(
  admin: ApiClient,
  fields: { role: string; institutionId?: string; provinceCode?: string; email?: string },
) {
  counter += 1;
  const res = await admin.post('/api/users', {
    email: fields.email ?? `user${counter}-${Date.now()}@test.local`,
    password: STRONG_PASSWORD,
    displayName: `用户${counter}`,
    role: fields.role,
    ...(fields.institutionId ? { institutionId: fields.institutionId } : {}),
    ...(fields.provinceCode ? { provinceCode: fields.provinceCode } : {}),
  });
  if (res.status !== 201) throw new Error(`user not created: ${res.status} ${res.text}`);
  return res.body as { id: string; email: string; displayName: string; role: string; version: number };
}

/** Takes a record through submit, approve and publish as `admin`; throws on any refused step. */
export async function publishRecord(admin: ApiClient, censusNumber: string): Promise<void> {
  for (const step of ['submit', 'approve', 'publish']) {
    const res = await admin.post(`/api/records/${censusNumber}/${step}`, {});
    if (res.status !== 200) throw new Error(`${step} failed: ${res.text}`);
  }
}

/**
 * Waits until every image is `ready` (its derivatives made in the background; until then the
 * image service answers its tiles 503), or throws after `timeoutMs`.
 */
export async function waitUntilImagesReady(client: ApiClient, ids: readonly string[], timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  for (const id of ids) {
    while ((await client.get(`/api/images/${id}`)).body.status !== 'ready') {
      if (Date.now() > deadline) throw new Error(`image ${id} not ready`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

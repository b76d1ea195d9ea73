// A record's page images as the server sends them (with the caller's abilities), and the writes the
// images page makes; each write refreshes the list and the record's manifest.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, call, csrfHeaders, data } from '../api/client.js';
import type { paths } from '../api/openapi.js';

export type ImageList =
  paths['/api/records/{censusNumber}/images']['get']['responses'][200]['content']['application/json'];
export type PageImage = ImageList['items'][number];

export const imagesKey = (censusNumber: string) => ['images', censusNumber] as const;

/** Derivatives are made in the background: look again while any page is still processing. */
const POLL_MS = 2000;

export function useImages(censusNumber: string) {
  return useQuery({
    queryKey: imagesKey(censusNumber),
    queryFn: () =>
      call(() => api.GET('/api/records/{censusNumber}/images', { params: { path: { censusNumber } } })),
    refetchInterval: (query) =>
      query.state.data?.items.some((i) => i.status === 'processing') ? POLL_MS : false,
  });
}

/** After a write: the list and the viewer's manifest are stale. */
export function useRefreshImages(censusNumber: string) {
  const queryClient = useQueryClient();
  return async () => {
    await queryClient.invalidateQueries({ queryKey: imagesKey(censusNumber) });
    await queryClient.invalidateQueries({ queryKey: ['manifest', censusNumber] });
  };
}

/** Sends files as multipart (upload, replace): the server's error body becomes an ApiError. */
export async function sendFiles(method: 'POST' | 'PUT', url: string, form: FormData): Promise<unknown> {
  let res: Response;
  try {
    res = await fetch(url, { method, body: form, credentials: 'same-origin', headers: csrfHeaders() });
  } catch {
    throw new ApiError(0, 'NETWORK', null, null, [], null, null);
  }
  const body = (await res.json().catch(() => ({}))) as unknown;
  return data(res.ok ? { data: body, response: res } : { error: body, response: res });
}

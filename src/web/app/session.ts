// Who is logged in, from GET /api/auth/me (cached by TanStack Query); null when nobody is.
import { useQuery, type QueryClient } from '@tanstack/react-query';
import { api, ApiError, call, setCsrfToken } from './api/client.js';
import type { paths } from './api/openapi.js';

export type Me = paths['/api/auth/me']['get']['responses']['200']['content']['application/json'];
export const SESSION_KEY = ['session'] as const;

async function loadSession(): Promise<Me | null> {
  try {
    const me = await call(() => api.GET('/api/auth/me'));
    setCsrfToken(me.csrfToken);
    return me;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

/** The session (user, areas of work, CSRF token), or null when logged out. */
export function useSession() {
  return useQuery({ queryKey: SESSION_KEY, queryFn: loadSession, staleTime: 60_000, retry: false });
}

/** Ends the session on the server and forgets it here. */
export async function logout(queryClient: QueryClient): Promise<void> {
  try {
    await call(() => api.POST('/api/auth/logout'));
  } catch {
    // The session may already be gone; the page forgets it either way.
  }
  setCsrfToken(null);
  queryClient.setQueryData(SESSION_KEY, null);
}

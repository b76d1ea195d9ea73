// Whether a personal API token still works, and how people read that, in both languages.

export const TOKEN_STATES = ['active', 'expired', 'revoked'] as const;
export type TokenState = (typeof TOKEN_STATES)[number];

export const TOKEN_STATE_LABELS: Record<TokenState, { zh: string; en: string }> = {
  active: { zh: '有效', en: 'Active' },
  expired: { zh: '已过期', en: 'Expired' },
  revoked: { zh: '已撤销', en: 'Revoked' },
};

/** A revoked token stays revoked; otherwise it expires at its expiry time. */
export function tokenState(
  token: { revokedAt?: Date | null; expiresAt?: Date | null },
  now: Date,
): TokenState {
  if (token.revokedAt) return 'revoked';
  if (token.expiresAt && token.expiresAt <= now) return 'expired';
  return 'active';
}

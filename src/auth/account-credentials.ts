import type { AccountCredentials } from '../users/account-credentials.js';
import { hashPassword } from './password.js';
import { revokeAllTokensOf } from './token.service.js';

/** Auth's side of account management: scrypt hashes, and revoking every token of the account. */
export const accountCredentials: AccountCredentials = {
  hashPassword,
  endSessionsOf: (em, userId) => revokeAllTokensOf(em, userId),
};

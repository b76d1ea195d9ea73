import type { Role } from '../domain/roles.js';

/** The authenticated caller, as the services see it. */
export interface Actor {
  readonly userId: string;
  readonly email: string;
  readonly displayName: string;
  readonly role: Role;
  /** Set for institution-bound roles (cataloguer, conservator). */
  readonly institutionId: string | null;
  /** The province the actor works in: their own (provincial roles) or their institution's. */
  readonly provinceCode: string | null;
  readonly tokenId: string;
  /** True when authenticated by the session cookie (then unsafe requests need the CSRF header). */
  readonly viaCookie: boolean;
}

import type { ApiClient } from '../../helpers/api-client.js';

/** The people and data every cross-tenant case can use (built once by the matrix test). */
export interface World {
  admin: ApiClient;
  catA: ApiClient; // cataloguer of institution A (province 350000)
  consA: ApiClient; // conservator of institution A
  paFujian: ApiClient; // provincial admin of 350000
  instA: { id: string };
  instB: { id: string }; // another institution in 350000
  instJs: { id: string }; // an institution in 320000
  userB: { id: string }; // cataloguer of B
  userJs: { id: string }; // cataloguer in 320000
  tokenOfB: string; // personal token id owned by userB
  recordB: string; // census number of a record of institution B (submitted)
  recordJs: string; // census number of a Jiangsu record (submitted)
  reviewerJs: { id: string }; // a Jiangsu reviewer
  assignmentJs: string; // a Jiangsu review assignment
  bindingValueId: string; // a code-list value
}

/** A route's cross-tenant attempts and their answers (each must be 403). */
export type Check = (w: World) => Promise<Array<{ who: string; status: number }>>;

/** A route that needs no case: anyone may call it, or it only ever acts on the caller. */
export type CaseEntry = Check | 'self-only' | 'public';

// The logged-in account and what the interface offers it (the server checks every request again).

import { api, setCsrfToken } from './api.js';

let currentUser = null;

/** The logged-in user, or null. */
export function user() {
  return currentUser;
}

/** Starts a session from a login answer or GET /api/auth/me. */
export function startSession(answer) {
  currentUser = answer.user;
  setCsrfToken(answer.csrfToken);
}

/** Forgets the session on this page. */
export function endSession() {
  currentUser = null;
  setCsrfToken(null);
}

/** Asks the server who is logged in; resolves false when nobody is (401). */
export async function loadSession() {
  try {
    startSession(await api.get('/api/auth/me'));
    return true;
  } catch (error) {
    if (error.status === 401) {
      endSession();
      return false;
    }
    throw error;
  }
}

export function isNationalAdmin(u = currentUser) {
  return u?.role === 'national_admin';
}

/** National or provincial administrator. */
export function isAdmin(u = currentUser) {
  return u?.role === 'national_admin' || u?.role === 'provincial_admin';
}

/** Whether the user may create or change institutions of this province. */
export function canAdministerProvince(provinceCode, u = currentUser) {
  if (u?.role === 'national_admin') return true;
  return u?.role === 'provincial_admin' && u.provinceCode === provinceCode;
}

/** Whether the user may see an institution's staff list. */
export function canViewStaff(institution, u = currentUser) {
  return canAdministerProvince(institution.provinceCode, u) || u?.institutionId === institution.id;
}

const PROVINCIAL_GRANTABLE = ['reviewer', 'cataloguer', 'conservator'];

/** Roles the user may give to new or existing accounts. */
export function grantableRoles(u = currentUser) {
  if (u?.role === 'national_admin') return null; // all
  if (u?.role === 'provincial_admin') return PROVINCIAL_GRANTABLE;
  return [];
}

/** Whether the user may change this account (activate, reset password). */
export function canManageAccount(account, u = currentUser) {
  if (u?.role === 'national_admin') return true;
  return (
    u?.role === 'provincial_admin' &&
    account.provinceCode === u.provinceCode &&
    PROVINCIAL_GRANTABLE.includes(account.role)
  );
}

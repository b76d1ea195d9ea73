// What the remaining old-shell pages (record images) still need of a record: who may catalogue it,
// its page path, and loading it. The record pages themselves are drawn by the React app.

import './records-i18n.js';
import { api } from './api.js';
import { user } from './session.js';

/** Whether the user catalogues records of this institution/province. */
export function canCatalogue(record, u = user()) {
  if (!u) return false;
  if (u.role === 'national_admin') return true;
  if (u.role === 'provincial_admin') return u.provinceCode === record.provinceCode;
  return u.role === 'cataloguer' && u.institutionId === record.institutionId;
}

/** Staff who work with unpublished records (everyone but registered readers). */
export function isStaff(u = user()) {
  return Boolean(u) && u.role !== 'reader';
}

/** Whether the user reviews (reviewers and administrators). */
export function isReviewerRole(u = user()) {
  return ['reviewer', 'provincial_admin', 'national_admin'].includes(u?.role);
}

/** Whether the interface offers editing (locked while under review; a reason needed after approval). */
export function canEdit(record) {
  return canCatalogue(record) && ['draft', 'returned', 'approved', 'published'].includes(record.status);
}

/** The path of a record page. */
export function recordHref(censusNumber, suffix = '') {
  return `/records/${encodeURIComponent(censusNumber)}${suffix}`;
}

/** Loads a record, or null when it does not exist or is not visible (404). */
export async function loadRecord(censusNumber) {
  try {
    return await api.get(`/api/records/${encodeURIComponent(censusNumber)}`);
  } catch (error) {
    if (error.status === 404 || (error.status === 400 && error.code === 'VALIDATION_FAILED')) return null;
    throw error;
  }
}

// Reference lists that do not change while the page is open (fetched once, then cached).

import { api } from './api.js';

const cache = new Map();

function cached(path) {
  if (!cache.has(path)) {
    const promise = api.get(path).then((answer) => answer.items);
    promise.catch(() => cache.delete(path));
    cache.set(path, promise);
  }
  return cache.get(path);
}

/** The 34 provinces: [{code, nameZh, nameEn}]. */
export const provinces = () => cached('/api/provinces');

/** Institution types (Chinese values; labels come from i18n). */
export const institutionTypes = () => cached('/api/institution-types');

/** Roles with their labels: [{role, zh, en}]. */
export const roles = () => cached('/api/roles');

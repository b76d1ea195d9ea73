// The page-wide status line (role=status): confirmations such as “saved” are announced politely.

import { h, replace } from './dom.js';

let pending = null;

function region() {
  return document.getElementById('notice');
}

/** Shows a message now. kind: 'success' | 'info' | 'error'. */
export function notify(message, kind = 'success') {
  const el = region();
  if (!el) return;
  replace(el, h('p', { class: `notice notice-${kind}` }, message));
}

/** Removes the message. */
export function clearNotice() {
  const el = region();
  if (el) el.replaceChildren();
}

/** Keeps a message to show after the next page change (e.g. “created” before navigating). */
export function flash(message, kind = 'success') {
  pending = { message, kind };
}

/** Shows the kept message, if any (called by the router after a page is drawn). */
export function showPending() {
  clearNotice();
  if (pending) notify(pending.message, pending.kind);
  pending = null;
}

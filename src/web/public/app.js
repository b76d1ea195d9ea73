// Entry point of the web shell: draws the header, routes on location.pathname (history API for
// in-app links) and re-draws the page when the interface language changes.

import { h, replace } from './dom.js';
import { getLang, onLangChange, setLang, t } from './i18n.js';
import { api, onUnauthorized } from './api.js';
import { endSession, isAdmin, loadSession, user } from './session.js';
import { flash, showPending } from './notice.js';
import { errorBox, linkButton, pageHeader } from './components.js';
import { renderInstitutions } from './views/institutions.js';
import { renderInstitutionNew } from './views/institution-form.js';
import { renderInstitutionDetail } from './views/institution-detail.js';
import { renderUsers } from './views/users.js';
import { renderUserNew } from './views/user-form.js';
import { renderAccount } from './views/account.js';
import { renderAudit } from './views/audit.js';
import { renderCompare } from './views/iiif-viewer.js';
import { renderImportJob, renderImports } from './views/imports.js';
import { renderRecordImages } from './views/record-images.js';
import { renderCodeLists } from './views/code-lists.js';
import { isReviewerRole, isStaff } from './records.js';
import { renderCatalogue } from './catalogue.js';
import { renderCondition } from './condition.js';
import { renderTriage, seesTriage } from './triage.js';
import { renderStatistics } from './statistics.js';
import { renderRestorationBoard, renderWorkOrder, seesRestoration } from './restoration.js';

// The pages this shell still draws; the others (src/web/page-routes.ts, `app: true`) belong to the
// React app in src/web/app and are reached by a full page load.
const ROUTES = [
  // `open`: shown to everybody, logged in or not.
  { pattern: '/catalogue', view: renderCatalogue, open: true },
  { pattern: '/institutions', view: renderInstitutions, nav: 'institutions' },
  { pattern: '/institutions/new', view: renderInstitutionNew, nav: 'institutions', admin: true },
  { pattern: '/institutions/:id', view: renderInstitutionDetail, nav: 'institutions' },
  { pattern: '/institutions/:id/imports', view: renderImports, nav: 'records' },
  { pattern: '/imports/:id', view: renderImportJob, nav: 'records' },
  { pattern: '/users', view: renderUsers, nav: 'users', admin: true },
  { pattern: '/users/new', view: renderUserNew, nav: 'users', admin: true },
  { pattern: '/account', view: renderAccount, nav: 'account' },
  { pattern: '/audit', view: renderAudit, nav: 'audit', admin: true },
  { pattern: '/code-lists', view: renderCodeLists, nav: 'codeLists', admin: true },
  { pattern: '/records/:censusNumber/condition', view: renderCondition, nav: 'records' },
  { pattern: '/records/:censusNumber/images', view: renderRecordImages, nav: 'records' },
  { pattern: '/triage', view: renderTriage, nav: 'triage' },
  { pattern: '/statistics', view: renderStatistics, nav: 'statistics' },
  { pattern: '/compare', view: renderCompare, nav: 'records', open: true },
  { pattern: '/restoration', view: renderRestorationBoard, nav: 'restoration' },
  { pattern: '/work-orders/:id', view: renderWorkOrder, nav: 'restoration' },
];

const NAV = [
  { key: 'records', href: '/records', label: 'nav.records', show: isStaff },
  { key: 'review', href: '/review', label: 'nav.review', show: isReviewerRole },
  { key: 'triage', href: '/triage', label: 'nav.triage', show: seesTriage },
  { key: 'statistics', href: '/statistics', label: 'nav.statistics', show: seesTriage },
  { key: 'restoration', href: '/restoration', label: 'nav.restoration', show: seesRestoration },
  { key: 'institutions', href: '/institutions', label: 'nav.institutions' },
  { key: 'users', href: '/users', label: 'nav.users', admin: true },
  { key: 'codeLists', href: '/code-lists', label: 'nav.codeLists', admin: true },
  { key: 'audit', href: '/audit', label: 'nav.audit', admin: true },
];

let renderToken = 0;
let leaving = false;

/** Finds the route of a path and its :params. */
function match(pathname) {
  const parts = pathname.replace(/\/+$/, '').split('/').filter(Boolean);
  for (const route of ROUTES) {
    const pattern = route.pattern.split('/').filter(Boolean);
    if (pattern.length !== parts.length) continue;
    const params = {};
    const ok = pattern.every((segment, i) => {
      if (segment.startsWith(':')) {
        params[segment.slice(1)] = decodeURIComponent(parts[i]);
        return true;
      }
      return segment === parts[i];
    });
    if (ok) return { route, params };
  }
  return null;
}

/** A same-site path that is safe to go to after login (no protocol-relative or foreign URLs). */
function safeNext(next) {
  return typeof next === 'string' &&
    next.startsWith('/') &&
    !next.startsWith('//') &&
    !next.startsWith('/login')
    ? next
    : '/institutions';
}

/** Goes to an in-app URL. options: {replace, focus: CSS selector to focus after drawing}. */
export function navigate(url, options = {}) {
  if (!match(new URL(url, window.location.href).pathname)) {
    // A page of the React app (/login, /, …): the server sends that app's page. Once only: a
    // second location change would abort the first one.
    if (leaving) return Promise.resolve();
    leaving = true;
    if (options.replace) window.location.replace(url);
    else window.location.assign(url);
    return Promise.resolve();
  }
  if (options.replace) window.history.replaceState(null, '', url);
  else window.history.pushState(null, '', url);
  return render({ focus: 'focus' in options ? options.focus : 'h1' });
}

function setTitle(text) {
  document.title = text ? `${text} · ${t('app.name')}` : t('app.name');
}

async function logout() {
  try {
    await api.post('/api/auth/logout');
  } catch {
    // The session may already be gone; the page forgets it either way.
  }
  endSession();
  flash(t('login.loggedOut'), 'info');
  await navigate('/login');
}

function userMenu(u) {
  const listId = 'user-menu-list';
  const button = h(
    'button',
    { type: 'button', class: 'user-menu-button', 'aria-expanded': 'false', 'aria-controls': listId },
    h('span', { class: 'visually-hidden' }, `${t('menu.user')}: `),
    h('span', { class: 'user-initial', 'aria-hidden': 'true' }, [...u.displayName][0] ?? '?'),
    h('span', { class: 'user-name' }, u.displayName),
  );
  const list = h(
    'ul',
    { id: listId, class: 'user-menu-list', hidden: true },
    h(
      'li',
      { class: 'user-menu-who' },
      h('span', { class: 'who-name' }, u.displayName),
      h('span', {}, getLang() === 'en' ? u.roleLabel.en : u.roleLabel.zh),
      h('span', { class: 'break' }, u.email),
    ),
    h('li', {}, h('a', { href: '/account' }, t('nav.account'))),
    h('li', {}, h('button', { type: 'button', class: 'link-like', onClick: logout }, t('nav.logout'))),
  );
  const setOpen = (open) => {
    button.setAttribute('aria-expanded', String(open));
    list.hidden = !open;
  };
  button.addEventListener('click', () => setOpen(list.hidden));
  const menu = h('div', { class: 'user-menu' }, button, list);
  menu.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && !list.hidden) {
      setOpen(false);
      button.focus();
    }
  });
  menu.addEventListener('focusout', (event) => {
    if (!menu.contains(event.relatedTarget)) setOpen(false);
  });
  list.addEventListener('click', (event) => {
    if (event.target.closest('a')) setOpen(false);
  });
  return menu;
}

function drawHeader(activeNav) {
  const header = document.getElementById('site-header');
  const hadLangFocus = document.activeElement?.classList.contains('lang-switch');
  const u = user();
  const langButton = h(
    'button',
    {
      type: 'button',
      class: 'lang-switch',
      lang: getLang() === 'zh' ? 'en' : 'zh-CN',
      title: t('lang.switchHint'),
      onClick: () => setLang(getLang() === 'zh' ? 'en' : 'zh'),
    },
    t('lang.switchTo'),
  );
  replace(
    header,
    h(
      'div',
      { class: 'header-inner' },
      h(
        'a',
        { class: 'brand', href: '/' },
        h('span', { class: 'brand-seal', 'aria-hidden': 'true' }, '普'),
        h('span', { class: 'brand-name' }, t('app.shortName')),
      ),
      u
        ? h(
            'nav',
            { class: 'main-nav', 'aria-label': t('nav.label') },
            h(
              'ul',
              {},
              NAV.filter((item) => (!item.admin || isAdmin()) && (!item.show || item.show(u))).map((item) =>
                h(
                  'li',
                  {},
                  h(
                    'a',
                    { href: item.href, 'aria-current': item.key === activeNav ? 'page' : null },
                    t(item.label),
                  ),
                ),
              ),
            ),
          )
        : null,
      h('div', { class: 'header-tools' }, langButton, u ? userMenu(u) : null),
    ),
  );
  const skip = document.querySelector('.skip-link');
  if (skip) skip.textContent = t('app.skip');
  const footer = document.getElementById('site-footer');
  if (footer) replace(footer, h('p', {}, t('app.footer')));
  if (hadLangFocus) langButton.focus();
}

function forbidden(view) {
  setTitle(t('common.forbiddenPage'));
  replace(
    view,
    pageHeader(t('common.errorTitle')),
    h('p', { class: 'error-box', role: 'alert' }, t('common.forbiddenPage')),
    h('p', {}, linkButton('/institutions', t('common.backToInstitutions'), 'secondary')),
  );
}

function notFound(view) {
  setTitle(t('common.notFoundTitle'));
  replace(
    view,
    pageHeader(t('common.notFoundTitle')),
    h('p', {}, t('common.notFound')),
    h('p', {}, linkButton('/institutions', t('common.backToInstitutions'), 'secondary')),
  );
}

/** Draws the page for the current URL. */
async function render({ focus } = {}) {
  const token = ++renderToken;
  const found = match(window.location.pathname);
  const query = new URLSearchParams(window.location.search);
  if (found && !found.route.open && !user()) {
    return navigate(`/login?next=${encodeURIComponent(window.location.pathname + window.location.search)}`, {
      replace: true,
      focus,
    });
  }

  drawHeader(found?.route.nav);
  const view = h('div', { class: 'view' });
  replace(document.getElementById('view'), view);
  const ctx = {
    view,
    params: found?.params ?? {},
    query,
    user: user(),
    navigate,
    setTitle,
    next: safeNext(query.get('next')),
    isCurrent: () => token === renderToken,
  };
  try {
    if (!found) notFound(view);
    else if (found.route.admin && !isAdmin()) forbidden(view);
    else await found.route.view(ctx);
  } catch (error) {
    if (token !== renderToken) return;
    if (error?.status === 401) return;
    replace(view, pageHeader(t('common.errorTitle')), errorBox(error));
    if (error?.name !== 'ApiError') console.error(error);
  }
  if (token !== renderToken) return;
  showPending();
  if (focus) (view.querySelector(focus) ?? view.querySelector('h1'))?.focus();
}

function interceptLinks() {
  document.addEventListener('click', (event) => {
    if (
      event.defaultPrevented ||
      event.button !== 0 ||
      event.metaKey ||
      event.ctrlKey ||
      event.shiftKey ||
      event.altKey
    )
      return;
    const link = event.target.closest('a[href]');
    if (!link || link.target || link.hasAttribute('download')) return;
    const url = new URL(link.href, window.location.href);
    if (url.origin !== window.location.origin || !match(url.pathname)) return;
    if (url.hash && url.pathname === window.location.pathname) return;
    event.preventDefault();
    navigate(url.pathname + url.search);
  });
}

async function start() {
  interceptLinks();
  window.addEventListener('popstate', () => render({ focus: 'h1' }));
  onLangChange(() => render());
  onUnauthorized(() => {
    if (!user()) return;
    endSession();
    flash(t('login.sessionEnded'), 'info');
    const here = window.location.pathname + window.location.search;
    navigate(`/login?next=${encodeURIComponent(here)}`, { replace: true });
  });
  try {
    await loadSession();
  } catch (error) {
    drawHeader();
    replace(document.getElementById('view'), pageHeader(t('common.errorTitle')), errorBox(error));
    return;
  }
  await render();
}

start();

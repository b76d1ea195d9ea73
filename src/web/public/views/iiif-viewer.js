// The IIIF viewer: Mirador (npm, served at /static/vendor/mirador.min.js) opening the record's
// manifest. Mirador follows the manifest's viewingDirection, so a thread-bound book pages right
// to left: "next" moves to the leaf on the left. Loaded on demand: the bundle is large and only
// pages with images need it.

import { h } from '../dom.js';
import { getLang } from '../i18n.js';

let loading;

/** Loads the Mirador bundle once; resolves to the global `Mirador`. */
export function loadMirador() {
  loading ??= new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = '/static/vendor/mirador.min.js';
    script.onload = () => resolve(window.Mirador);
    script.onerror = () => {
      loading = undefined;
      reject(new Error('Mirador could not be loaded / 阅读器加载失败'));
    };
    document.head.append(script);
  });
  return loading;
}

/** The manifest URL of a record. */
export function manifestUrl(censusNumber) {
  return `/iiif/manifest/${encodeURIComponent(censusNumber)}`;
}

/** A Mirador window: a census number (its record's manifest) or {manifestId, canvasId?}. */
function windowOf(entry) {
  if (typeof entry === 'string') return { manifestId: new URL(manifestUrl(entry), location.href).href };
  const win = { manifestId: new URL(entry.manifestId, location.href).href };
  if (entry.canvasId) win.canvasId = entry.canvasId;
  return win;
}

/**
 * A Mirador viewer showing `entries` side by side (one window each; see windowOf). The Mirador
 * instance is kept on the element (`miradorViewer`) so that its state can be inspected.
 */
export function miradorViewer(entries, { height = '75vh' } = {}) {
  const id = `mirador-${Math.random().toString(36).slice(2)}`;
  const names = entries.map((e) => (typeof e === 'string' ? e : e.manifestId));
  const el = h('div', { class: 'iiif-viewer', id, dataset: { manifests: names.join(' ') } });
  // Mirador fills its (positioned) container; the size is set through the CSSOM (CSP-safe).
  el.style.position = 'relative';
  el.style.height = height;
  el.style.width = '100%';
  loadMirador()
    .then((Mirador) => {
      if (!el.isConnected) return;
      el.miradorViewer = Mirador.viewer({
        id,
        language: getLang() === 'en' ? 'en' : 'zh-CN',
        windows: entries.map(windowOf),
        window: {
          allowClose: false,
          allowMaximize: false,
          allowFullscreen: true,
          defaultView: 'book',
          sideBarOpenByDefault: false,
        },
        workspace: { type: 'mosaic', showZoomControls: true },
        workspaceControlPanel: { enabled: false },
      });
      el.dataset.ready = 'true';
    })
    .catch((error) => {
      el.replaceChildren(h('p', { class: 'error-box', role: 'alert' }, error.message));
    });
  return el;
}

/** Same-site manifest paths only: the page sends the session cookie with Mirador's requests. */
function sameSite(url) {
  return typeof url === 'string' && url.startsWith('/') && !url.startsWith('//') ? url : null;
}

/**
 * The windows of /compare?workOrder=ID (the order's manifest twice: first "before" canvas beside the
 * first "after" one) or /compare?leftManifest=…&rightManifest=… (two same-site manifests).
 */
async function manifestWindows(query) {
  const workOrder = query.get('workOrder');
  if (workOrder) {
    const manifestId = `/iiif/manifest/work-order/${encodeURIComponent(workOrder)}`;
    const res = await fetch(manifestId, { credentials: 'same-origin' });
    if (!res.ok) return null;
    const manifest = await res.json();
    const first = (phase) => manifest.structures?.find((r) => r.id.endsWith(`/range/${phase}`))?.items[0]?.id;
    const before = first('before') ?? manifest.items?.[0]?.id;
    const after = first('after') ?? manifest.items?.at(-1)?.id;
    if (!before || !after) return null;
    return [
      { manifestId, canvasId: before },
      { manifestId, canvasId: after },
    ];
  }
  const left = sameSite(query.get('leftManifest'));
  const right = sameSite(query.get('rightManifest'));
  return left && right ? [{ manifestId: left }, { manifestId: right }] : null;
}

/**
 * /compare?left=…&right=… — two records side by side; or two manifests (a work order's before and
 * after, or any two same-site manifests), see manifestWindows.
 */
export async function renderCompare(ctx) {
  if (ctx.query.has('workOrder') || ctx.query.has('leftManifest')) {
    const windows = await manifestWindows(ctx.query);
    if (!ctx.isCurrent()) return;
    const en = getLang() === 'en';
    ctx.setTitle(en ? 'Before and after' : '修复前后对照');
    ctx.view.append(
      h('h1', { tabindex: '-1' }, en ? 'Before and after treatment' : '修复前后对照'),
      windows
        ? miradorViewer(windows, { height: '80vh' })
        : h(
            'p',
            { class: 'error-box', role: 'alert' },
            en
              ? 'The manifest cannot be opened, or it lacks before and after images.'
              : '无法打开该清单，或缺少修复前与修复后的影像。',
          ),
    );
    return;
  }
  const left = ctx.query.get('left') ?? '';
  const right = ctx.query.get('right') ?? '';
  const en = getLang() === 'en';
  ctx.setTitle(en ? 'Compare' : '对照阅读');
  ctx.view.append(
    h('h1', { tabindex: '-1' }, en ? `Compare ${left} · ${right}` : `对照阅读 ${left} · ${right}`),
    left && right
      ? miradorViewer([left, right], { height: '80vh' })
      : h(
          'p',
          { class: 'error-box', role: 'alert' },
          en ? 'Give two census numbers: ?left=…&right=…' : '请给出两部的普查登记编号：?left=…&right=…',
        ),
  );
}

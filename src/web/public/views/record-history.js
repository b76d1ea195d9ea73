// /records/:censusNumber/history — every saved version (who, when, why, each field before → after)
// and every review round with its steps and field comments.

import { append, h } from '../dom.js';
import { t } from '../i18n.js';
import { api } from '../api.js';
import { emptyState, linkButton, pageHeader } from '../components.js';
import {
  fieldLabel,
  formatValue,
  loadRecord,
  recordHref,
  statusBadge,
  statusLabel,
  timeEl,
} from '../records.js';

function versionsSection(record, versions) {
  return h(
    'section',
    { class: 'panel', 'aria-labelledby': 'versions-title' },
    h('h2', { id: 'versions-title' }, t('hist.versions')),
    versions.length
      ? h(
          'ol',
          { class: 'version-list', reversed: true },
          versions.map((v) =>
            h(
              'li',
              { class: 'version', dataset: { version: v.version } },
              h(
                'h3',
                { class: 'version-title' },
                t('hist.version', { n: v.version }),
                ' · ',
                timeEl(v.at),
                ' · ',
                v.actorEmail ?? t('audit.system'),
                ' · ',
                statusBadge(v.status),
              ),
              v.reason ? h('p', { class: 'version-reason' }, `${t('hist.reason')}：${v.reason}`) : null,
              v.changes?.length
                ? h(
                    'div',
                    { class: 'table-wrap' },
                    h(
                      'table',
                      { class: 'data-table changes-table' },
                      h('caption', { class: 'visually-hidden' }, t('hist.version', { n: v.version })),
                      h(
                        'thead',
                        {},
                        h(
                          'tr',
                          {},
                          h('th', { scope: 'col' }, t('hist.field')),
                          h('th', { scope: 'col' }, t('hist.before')),
                          h('th', { scope: 'col' }, t('hist.after')),
                        ),
                      ),
                      h(
                        'tbody',
                        {},
                        v.changes.map((c) =>
                          h(
                            'tr',
                            { dataset: { field: c.field } },
                            h(
                              'th',
                              { scope: 'row', 'data-label': t('hist.field') },
                              fieldLabel(c.field, record),
                            ),
                            h(
                              'td',
                              { 'data-label': t('hist.before'), class: 'value-before' },
                              h('div', { class: 'cell' }, formatValue(c.field, c.before)),
                            ),
                            h(
                              'td',
                              { 'data-label': t('hist.after'), class: 'value-after' },
                              h('div', { class: 'cell' }, formatValue(c.field, c.after)),
                            ),
                          ),
                        ),
                      ),
                    ),
                  )
                : null,
            ),
          ),
        )
      : emptyState(t('hist.noVersions')),
  );
}

/** The review events and comments grouped by round (1, 2 …). */
export function roundsOf(review) {
  const rounds = new Map();
  const get = (n) => {
    if (!rounds.has(n)) rounds.set(n, { round: n, events: [], comments: [] });
    return rounds.get(n);
  };
  for (const e of review.events) get(e.round).events.push(e);
  for (const c of review.comments) get(c.round).comments.push(c);
  return [...rounds.values()].filter((r) => r.round > 0).sort((a, b) => a.round - b.round);
}

function roundsSection(record, review) {
  const rounds = roundsOf(review);
  return h(
    'section',
    { class: 'panel', 'aria-labelledby': 'rounds-title' },
    h('h2', { id: 'rounds-title' }, t('hist.rounds')),
    rounds.length
      ? rounds.map((round) =>
          h(
            'section',
            {
              class: 'review-round',
              dataset: { round: round.round },
              'aria-labelledby': `round-${round.round}`,
            },
            h('h3', { id: `round-${round.round}` }, t('hist.round', { n: round.round })),
            h(
              'ol',
              { class: 'event-list', 'aria-label': t('hist.events') },
              round.events.map((e) =>
                h(
                  'li',
                  { dataset: { action: e.action } },
                  timeEl(e.at),
                  ' · ',
                  e.actorEmail ?? '',
                  ' · ',
                  h('strong', {}, t(`wf.${e.action}`)),
                  ` （${statusLabel(e.fromStatus)} → ${statusLabel(e.toStatus)}）`,
                  e.note ? h('span', { class: 'event-note' }, `：${e.note}`) : null,
                ),
              ),
            ),
            h('h4', {}, t('hist.comments')),
            round.comments.length
              ? h(
                  'ul',
                  { class: 'comment-list' },
                  round.comments.map((c) =>
                    h(
                      'li',
                      { dataset: { field: c.field } },
                      h('span', { class: 'comment-field' }, fieldLabel(c.field, record)),
                      '：',
                      c.text,
                      h('span', { class: 'comment-meta' }, ' — ', c.actorEmail ?? '', ' · ', timeEl(c.at)),
                    ),
                  ),
                )
              : h('p', { class: 'empty' }, t('hist.noComments')),
          ),
        )
      : emptyState(t('hist.noRounds')),
  );
}

export async function renderRecordHistory(ctx) {
  const cn = ctx.params.censusNumber;
  const record = await loadRecord(cn);
  if (!ctx.isCurrent()) return;
  if (!record) {
    ctx.setTitle(t('common.notFoundTitle'));
    append(ctx.view, [
      pageHeader(t('common.notFoundTitle')),
      h('p', {}, t('rec.notFound')),
      h('p', {}, linkButton('/records', t('rec.backToList'), 'secondary')),
    ]);
    return;
  }
  const [versions, review] = await Promise.all([
    api.get(`/api/records/${encodeURIComponent(cn)}/versions`),
    api.get(`/api/records/${encodeURIComponent(cn)}/review`),
  ]);
  if (!ctx.isCurrent()) return;
  ctx.setTitle(`${t('hist.title')} ${record.censusNumber}`);
  append(ctx.view, [
    h(
      'nav',
      { class: 'breadcrumb', 'aria-label': t('nav.breadcrumb') },
      h('a', { href: recordHref(cn) }, record.title),
    ),
    pageHeader(t('hist.title')),
    h(
      'p',
      { class: 'subtitle record-subtitle' },
      h('span', { class: 'code' }, record.censusNumber),
      ' · ',
      record.title,
      ' · ',
      statusBadge(record.status),
    ),
    roundsSection(record, review),
    versionsSection(record, versions.items),
  ]);
}

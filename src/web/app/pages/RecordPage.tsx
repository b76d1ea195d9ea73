// /records/:censusNumber — one record: census number and status up front, a returned record's note
// and field comments, the workflow steps and other actions exactly as the server offers them, the
// page images (Mirador, loaded only here), and every field in catalogue order with the server's
// labels. Open to everyone: the public sees published records, without any action.
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, call } from '../api/client.js';
import { currentLang, pickLabel, type Lang } from '../i18n/index.js';
import type { OpenPageProps } from '../pages.js';
import { Link, navigate, useLocation } from '../router.js';
import { ErrorAlert } from '../shell/ErrorAlert.js';
import { PageTitle } from '../shell/PageTitle.js';
import { colors } from '../theme.js';
import { ActionDialog, type ActionOffer } from '../records/ActionDialog.js';
import { MiradorViewer } from '../records/MiradorViewer.js';
import { OtherCopies } from '../records/OtherCopies.js';
import { commentField, FieldComments, ReturnNotice, type LastReturn } from '../records/ReturnNotice.js';
import { StatusChip } from '../records/StatusChip.js';
import {
  appliesTo,
  formatAuthors,
  formatSize,
  labelFor,
  recordHref,
  recordKey,
  savedWarningsKey,
  useRecord,
  useRecordFields,
  type Field,
  type RecordJson,
} from '../records/recordData.js';

type Row = Record<string, unknown>;

/** One field's value as text or a list, from the record and the field's input kind. */
function fieldValue(record: RecordJson, field: Field, lang: Lang): string | string[] | null {
  const raw = (record as unknown as Row)[field.key];
  switch (field.input) {
    case 'editionDate': {
      const parts = [
        record.edition.display ? pickLabel(record.edition.display, lang) : '',
        ...record.edition.warnings.map((w) => (lang === 'en' ? w.messageEn : w.messageZh)),
      ].filter(Boolean);
      return parts.length ? parts.join(lang === 'en' ? ' · ' : '；') : null;
    }
    case 'size':
      return formatSize(raw as { height: number; width: number } | null) || null;
    case 'lines':
      return (raw as string[] | undefined)?.length ? (raw as string[]).join('；') : null;
    case 'rows': {
      const rows = (raw as Row[] | undefined) ?? [];
      if (!rows.length) return null;
      if (field.key === 'authors') return rows.map((a) => formatAuthors([a as never]));
      return rows.map((row) =>
        (field.items ?? [])
          .map((item) => {
            const v = row[item.key];
            if (item.input === 'checkbox') return v ? pickLabel(item.label, lang) : '';
            return v === null || v === undefined || v === '' ? '' : String(v);
          })
          .filter(Boolean)
          .join(' · '),
      );
    }
    default: {
      const v = field.key === 'edition' ? record.edition.text : raw;
      return v === null || v === undefined || v === '' ? null : String(v);
    }
  }
}

function Fields({ record, comments }: { record: RecordJson; comments: LastReturn['comments'] }) {
  const { t } = useTranslation();
  const lang = currentLang();
  const layout = useRecordFields();
  if (layout.error) return <ErrorAlert error={layout.error} />;
  if (!layout.data) return null;
  return (
    <>
      {layout.data.groups
        .filter((g) => appliesTo(g, record.type))
        .map((group) => (
          <Paper
            key={group.key}
            variant="outlined"
            component="section"
            aria-labelledby={`sec-${group.key}`}
            sx={{ p: { xs: 1.5, sm: 2.5 }, mb: 2 }}
          >
            <Typography variant="h2" id={`sec-${group.key}`} sx={{ mb: 1.5 }}>
              {labelFor(group, record.type, lang)}
            </Typography>
            <Box
              component="dl"
              sx={{
                m: 0,
                display: 'grid',
                gridTemplateColumns: { xs: '1fr', sm: '11rem 1fr' },
                columnGap: 2,
                rowGap: { xs: 0.25, sm: 1 },
              }}
            >
              {group.fields
                .filter((f) => appliesTo(f, record.type))
                .map((field) => {
                  const value = fieldValue(record, field, lang);
                  const mine = comments.filter((c) => commentField(c.field) === field.key);
                  return (
                    <Box key={field.key} sx={{ display: 'contents' }}>
                      <Box
                        component="dt"
                        id={`field-${field.key}`}
                        data-field={field.key}
                        sx={{ color: 'text.secondary', mt: { xs: 1, sm: 0 } }}
                      >
                        {labelFor(field, record.type, lang)}
                      </Box>
                      <Box component="dd" data-field={field.key} sx={{ m: 0 }}>
                        {Array.isArray(value) ? (
                          <Box component="ol" sx={{ m: 0, pl: 2.5 }}>
                            {value.map((v, i) => (
                              <li key={i}>{v}</li>
                            ))}
                          </Box>
                        ) : (
                          (value ?? <span aria-label={t('record.empty')}>—</span>)
                        )}
                        <FieldComments comments={mine} />
                      </Box>
                    </Box>
                  );
                })}
            </Box>
          </Paper>
        ))}
    </>
  );
}

/** After the form saved: say so, with the census number and the save's warnings (they do not block). */
function SavedNotice({ censusNumber }: { censusNumber: string }) {
  const { t } = useTranslation();
  const lang = currentLang();
  const { search } = useLocation();
  const queryClient = useQueryClient();
  const saved = search.get('saved');
  const [warnings] = useState(
    () =>
      (queryClient.getQueryData(savedWarningsKey(censusNumber)) ?? []) as Array<{
        messageZh: string;
        messageEn: string;
      }>,
  );
  if (!saved) return null;
  return (
    <Alert severity={warnings.length ? 'warning' : 'success'} role="status" sx={{ mb: 2 }}>
      {saved === 'created' ? t('record.created', { cn: censusNumber }) : t('record.updated')}
      {warnings.length ? (
        <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
          {warnings.map((w, i) => (
            <li key={i}>{lang === 'en' ? w.messageEn : w.messageZh}</li>
          ))}
        </Box>
      ) : null}
    </Alert>
  );
}

function Identity({ record, staff }: { record: RecordJson; staff: boolean }) {
  const { t } = useTranslation();
  const lang = currentLang();
  // The public sees what the record is and who holds it; workflow status, completeness tier,
  // version and edit time are staff matters.
  const facts: Array<[string, ReactNode, string?]> = staff
    ? [
        [
          t('record.status'),
          <StatusChip key="s" status={record.status} label={record.statusLabel} />,
          'record-status',
        ],
        [t('record.type'), pickLabel(record.typeLabel, lang)],
        [t('record.institution'), record.institutionName ?? ''],
        [t('record.tier'), pickLabel(record.tierLabel, lang), 'record-tier'],
        [t('record.updatedAt'), new Date(record.updatedAt).toLocaleString(lang === 'en' ? 'en-GB' : 'zh-CN')],
        [t('record.version'), String(record.version)],
      ]
    : [
        [t('record.type'), pickLabel(record.typeLabel, lang)],
        [t('record.institution'), record.institutionName ?? ''],
      ];
  return (
    <Paper
      variant="outlined"
      component="section"
      aria-label={t('record.censusNumber')}
      sx={{
        p: 2,
        mb: 2,
        display: 'flex',
        flexWrap: 'wrap',
        gap: 3,
        alignItems: 'center',
        borderTop: `3px solid ${colors.accent}`,
      }}
    >
      <Box>
        <Typography component="span" sx={{ display: 'block', color: 'text.secondary', fontSize: '0.85rem' }}>
          {t('record.censusNumber')}
        </Typography>
        <Typography
          component="span"
          id="census-number"
          sx={{ fontFamily: 'monospace', fontSize: '1.3rem', fontWeight: 700, letterSpacing: '0.03em' }}
        >
          {record.censusNumber}
        </Typography>
      </Box>
      <Box component="dl" sx={{ display: 'flex', flexWrap: 'wrap', gap: 2.5, m: 0 }}>
        {facts.map(([label, value, id]) => (
          <div key={label}>
            <Box component="dt" sx={{ color: 'text.secondary', fontSize: '0.85rem' }}>
              {label}
            </Box>
            <Box component="dd" id={id} tabIndex={id === 'record-status' ? -1 : undefined} sx={{ m: 0 }}>
              {value}
            </Box>
          </div>
        ))}
      </Box>
    </Paper>
  );
}

/** The record's manifest when it has page images (and the caller may read it); null otherwise. */
function useImages(censusNumber: string) {
  return useQuery({
    queryKey: ['manifest', censusNumber],
    queryFn: async () => {
      const res = await fetch(`/iiif/manifest/${encodeURIComponent(censusNumber)}`, {
        credentials: 'same-origin',
      });
      if (!res.ok) return null;
      const manifest = (await res.json()) as { items?: unknown[] };
      return manifest.items?.length ? manifest : null;
    },
  });
}

function Workflow({ record }: { record: RecordJson }) {
  const { t } = useTranslation();
  const lang = currentLang();
  const queryClient = useQueryClient();
  const [asking, setAsking] = useState<ActionOffer | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const take = useMutation({
    mutationFn: ({ offer, note }: { offer: ActionOffer; note?: string }) =>
      call(() =>
        api.POST(`/api/records/{censusNumber}/${offer.segment}` as '/api/records/{censusNumber}/submit', {
          params: { path: { censusNumber: record.censusNumber } },
          body: note ? { note } : {},
        }),
      ),
    onSuccess: async (_answer, { offer }) => {
      setAsking(null);
      setDone(t('record.done', { action: pickLabel(offer.label, lang) }));
      await queryClient.invalidateQueries({ queryKey: recordKey(record.censusNumber) });
      await queryClient.invalidateQueries({ queryKey: ['records'] });
      document.getElementById('record-status')?.focus();
    },
  });
  const start = (offer: ActionOffer) => {
    take.reset();
    setDone(null);
    if (offer.note || offer.confirm) setAsking(offer);
    else take.mutate({ offer });
  };
  const a = record.abilities;
  if (!record.allowedActions.length && !a.review && !done) return null;
  return (
    <Paper
      variant="outlined"
      component="section"
      aria-labelledby="workflow-title"
      sx={{ p: 2, mb: 2 }}
      className="workflow-panel"
    >
      <Typography variant="h2" id="workflow-title" sx={{ mb: 1 }}>
        {t('record.workflow')}
      </Typography>
      {done ? (
        <Alert severity="success" role="status" sx={{ mb: 1.5 }}>
          {done}
        </Alert>
      ) : null}
      {take.error && !asking ? <ErrorAlert error={take.error} /> : null}
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1 }}>
        {record.allowedActions.map((offer) => (
          <Button
            key={offer.action}
            data-action={offer.action}
            variant={offer.confirm || offer.note ? 'outlined' : 'contained'}
            disabled={take.isPending}
            onClick={() => start(offer)}
          >
            {pickLabel(offer.label, lang)}
          </Button>
        ))}
        {a.review ? (
          <Button
            component={Link}
            href={`/review/${encodeURIComponent(record.censusNumber)}`}
            variant="outlined"
          >
            {t('record.reviewPage')}
          </Button>
        ) : null}
      </Box>
      {asking ? (
        <ActionDialog
          offer={asking}
          title={record.censusNumber}
          busy={take.isPending}
          error={take.error}
          onConfirm={(note) => take.mutate({ offer: asking, ...(note ? { note } : {}) })}
          onClose={() => {
            setAsking(null);
            take.reset();
          }}
        />
      ) : null}
    </Paper>
  );
}

export default function RecordPage({ me, params }: OpenPageProps) {
  const { t } = useTranslation();
  const censusNumber = params.censusNumber ?? '';
  const record = useRecord(censusNumber);
  const images = useImages(censusNumber);
  useEffect(() => {
    if (window.location.hash) document.getElementById(window.location.hash.slice(1))?.scrollIntoView();
  }, [record.data, images.data]);
  // Anyone may read a published record; any other is staff work: a visitor who is not logged in
  // is asked to log in (whether the record exists or not, so nothing is revealed).
  const hidden = record.error instanceof ApiError && record.error.status === 404;
  useEffect(() => {
    if (hidden && !me) {
      const here = window.location.pathname + window.location.search;
      navigate(`/login?next=${encodeURIComponent(here)}`, { replace: true });
    }
  }, [hidden, me]);

  if (record.error) {
    const missing =
      record.error instanceof ApiError && (record.error.status === 404 || record.error.status === 400);
    if (!missing) return <ErrorAlert error={record.error} />;
    return (
      <>
        <PageTitle title={t('common.notFoundTitle')}>{t('common.notFoundTitle')}</PageTitle>
        <Typography sx={{ mb: 2 }}>{t('record.notFound')}</Typography>
        <Button component={Link} href={me ? '/records' : '/catalogue'} variant="outlined">
          {t(me ? 'record.backToList' : 'record.backToCatalogue')}
        </Button>
      </>
    );
  }
  if (!record.data) {
    return (
      <Typography role="status" sx={{ color: 'text.secondary' }}>
        {t('common.loading')}
      </Typography>
    );
  }
  const r = record.data;
  const a = r.abilities;
  const links: Array<[string, string]> = [
    ...(a.edit ? [[recordHref(r.censusNumber, '/edit'), t('record.edit')] as [string, string]] : []),
    ...(a.history ? [[recordHref(r.censusNumber, '/history'), t('record.history')] as [string, string]] : []),
    ...(a.manageImages
      ? [[recordHref(r.censusNumber, '/images'), t('record.images')] as [string, string]]
      : []),
    ...(a.assess
      ? [[recordHref(r.censusNumber, '/condition'), t('record.condition')] as [string, string]]
      : []),
  ];
  return (
    <>
      <Box component="nav" aria-label={t('record.breadcrumb')} sx={{ mb: 1, fontSize: '0.9rem' }}>
        <Link href={me ? '/records' : '/catalogue'}>{t(me ? 'records.title' : 'record.catalogue')}</Link>
      </Box>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'baseline', gap: 1, mb: 1 }}>
        <Box sx={{ flex: '1 1 20rem' }}>
          <PageTitle title={`${r.title} ${r.censusNumber}`}>{r.title}</PageTitle>
        </Box>
        {links.map(([href, label]) => (
          <Button key={href} component={Link} href={href} variant="outlined" size="small">
            {label}
          </Button>
        ))}
      </Box>
      <Identity record={r} staff={Boolean(me)} />
      <SavedNotice censusNumber={r.censusNumber} />
      {r.lastReturn ? <ReturnNotice lastReturn={r.lastReturn} /> : null}
      {r.status === 'withdrawn' && r.withdrawReason ? (
        <Alert severity="info" sx={{ mb: 2 }}>
          {t('record.withdrawReason', { reason: r.withdrawReason })}
        </Alert>
      ) : null}
      <Workflow record={r} />
      {images.data ? (
        <Paper
          variant="outlined"
          component="section"
          id="read"
          aria-labelledby="images-title"
          sx={{ p: 2, mb: 2, scrollMarginTop: '1rem' }}
        >
          <Typography variant="h2" id="images-title" sx={{ mb: 1 }}>
            {t('record.imagesTitle')}
          </Typography>
          <MiradorViewer manifestIds={[`/iiif/manifest/${encodeURIComponent(r.censusNumber)}`]} />
          <Box
            component="form"
            method="get"
            action="/compare"
            sx={{ display: 'flex', gap: 1, alignItems: 'center', mt: 1.5, flexWrap: 'wrap' }}
          >
            <input type="hidden" name="left" value={r.censusNumber} />
            <label htmlFor="compare-right">{t('record.compare')}</label>
            <input
              id="compare-right"
              name="right"
              placeholder={t('record.compareHint')}
              aria-label={t('record.compareHint')}
              style={{ padding: '0.35rem 0.5rem', border: `1px solid ${colors.lineStrong}`, borderRadius: 4 }}
            />
            <Button type="submit" variant="outlined" size="small">
              {t('record.compareOpen')}
            </Button>
          </Box>
          <OtherCopies censusNumber={r.censusNumber} />
        </Paper>
      ) : null}
      <Fields record={r} comments={r.lastReturn?.comments ?? []} />
    </>
  );
}

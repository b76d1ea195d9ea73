// /records/:censusNumber/history — every saved version (who by name, when, why, each field before →
// after, labelled by the server) and every review round with its steps and field comments.
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, call } from '../api/client.js';
import { currentLang, pickLabel, type Lang } from '../i18n/index.js';
import type { PageProps } from '../pages.js';
import { Link } from '../router.js';
import { ErrorAlert } from '../shell/ErrorAlert.js';
import { PageTitle } from '../shell/PageTitle.js';
import { StatusChip } from '../records/StatusChip.js';
import { formatAuthors, formatSize, recordHref, useRecord, type Label } from '../records/recordData.js';

/** GET /api/records/:censusNumber/review as this page reads it (the route ships no response schema). */
interface ReviewHistory {
  events: Array<{
    round: number;
    action: string;
    actionLabel: Label;
    toStatus: string;
    toStatusLabel: Label;
    actorName: string | null;
    note: string | null;
    at: string;
  }>;
  comments: Array<{
    id: string;
    round: number;
    field: string;
    fieldLabel: Label;
    text: string;
    actorName: string | null;
    at: string;
  }>;
}

const when = (iso: string, lang: Lang) =>
  new Date(iso).toLocaleString(lang === 'en' ? 'en-GB' : 'zh-CN', {
    dateStyle: 'medium',
    timeStyle: 'short',
  });

/** A stored value as text: lists joined, objects by their values, nothing as “（空）”. */
function show(value: unknown, empty: string): string {
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && !value.length))
    return empty;
  if (Array.isArray(value)) return value.map((v) => show(v, '')).join('；');
  if (typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if ('height' in o && 'width' in o) return formatSize(o as { height: number; width: number });
    if ('name' in o && 'role' in o) return formatAuthors([o as never]);
  }
  if (typeof value === 'object')
    return Object.values(value as Record<string, unknown>)
      .filter((v) => v !== null && v !== '' && v !== false)
      .map((v) => (v === true ? '✓' : String(v)))
      .join(' ');
  return String(value);
}

export default function RecordHistoryPage({ params }: PageProps) {
  const { t } = useTranslation();
  const lang = currentLang();
  const censusNumber = params.censusNumber ?? '';
  const record = useRecord(censusNumber);
  const path = { params: { path: { censusNumber } } };
  const versions = useQuery({
    queryKey: ['record-versions', censusNumber],
    queryFn: () => call(() => api.GET('/api/records/{censusNumber}/versions', path)),
  });
  const review = useQuery({
    queryKey: ['record-review', censusNumber],
    queryFn: async () =>
      (await call(() => api.GET('/api/records/{censusNumber}/review', path))) as unknown as ReviewHistory,
  });
  const error = record.error ?? versions.error ?? review.error;
  if (error) return <ErrorAlert error={error} />;
  if (!record.data || !versions.data || !review.data)
    return <Typography role="status">{t('common.loading')}</Typography>;
  const r = record.data;
  const rounds = [...new Set([...review.data.events, ...review.data.comments].map((x) => x.round))]
    .filter((n) => n > 0)
    .sort((a, b) => a - b);
  const someone = t('history.system');
  return (
    <>
      <Box component="nav" aria-label={t('record.breadcrumb')} sx={{ mb: 1, fontSize: '0.9rem' }}>
        <Link href={recordHref(r.censusNumber)}>{r.title}</Link>
      </Box>
      <PageTitle title={`${t('history.title')} ${r.censusNumber}`}>{t('history.title')}</PageTitle>
      <Typography sx={{ color: 'text.secondary', mb: 2 }}>
        {r.censusNumber} · {r.title} · <StatusChip status={r.status} label={r.statusLabel} />
      </Typography>

      <Paper variant="outlined" component="section" aria-labelledby="rounds-title" sx={{ p: 2, mb: 2 }}>
        <Typography variant="h2" id="rounds-title" sx={{ mb: 1 }}>
          {t('history.rounds')}
        </Typography>
        {rounds.length === 0 ? <Alert severity="info">{t('history.noRounds')}</Alert> : null}
        {rounds.map((n) => (
          <Box component="section" key={n} className="review-round" data-round={n} sx={{ mb: 2 }}>
            <Typography variant="h3" sx={{ mb: 0.5 }}>
              {t('history.round', { n })}
            </Typography>
            <Box component="ol" sx={{ m: 0, pl: 2.5 }}>
              {review.data.events
                .filter((e) => e.round === n)
                .map((e, i) => (
                  <li key={i}>
                    {pickLabel(e.actionLabel, lang)} → {pickLabel(e.toStatusLabel, lang)} ·{' '}
                    {e.actorName ?? someone} · {when(e.at, lang)}
                    {e.note ? `：${e.note}` : ''}
                  </li>
                ))}
            </Box>
            {review.data.comments.some((c) => c.round === n) ? (
              <Box component="ul" sx={{ m: 0, mt: 0.5, pl: 2.5 }} aria-label={t('record.commentsOnField')}>
                {review.data.comments
                  .filter((c) => c.round === n)
                  .map((c) => (
                    <li key={c.id}>
                      {pickLabel(c.fieldLabel, lang)}：{c.text}（{c.actorName ?? someone}）
                    </li>
                  ))}
              </Box>
            ) : null}
          </Box>
        ))}
      </Paper>

      <Paper variant="outlined" component="section" aria-labelledby="versions-title" sx={{ p: 2, mb: 2 }}>
        <Typography variant="h2" id="versions-title" sx={{ mb: 1 }}>
          {t('history.versions')}
        </Typography>
        {versions.data.items.map((v) => (
          <Box
            component="section"
            key={v.version}
            className="version"
            data-version={v.version}
            sx={{ mb: 2 }}
          >
            <Typography variant="h3" sx={{ mb: 0.5 }}>
              {t('history.version', { n: v.version })} · {when(v.at, lang)} · {v.actorName ?? someone} ·{' '}
              {pickLabel(v.statusLabel, lang)}
            </Typography>
            {v.reason ? <Typography>{t('history.reason', { reason: v.reason })}</Typography> : null}
            {v.changes.length ? (
              <Box sx={{ overflowX: 'auto' }}>
                <Table
                  size="small"
                  className="changes-table"
                  aria-label={t('history.version', { n: v.version })}
                >
                  <TableHead>
                    <TableRow>
                      <TableCell>{t('history.field')}</TableCell>
                      <TableCell>{t('history.before')}</TableCell>
                      <TableCell>{t('history.after')}</TableCell>
                    </TableRow>
                  </TableHead>
                  <TableBody>
                    {v.changes.map((c) => (
                      <TableRow key={c.field} data-field={c.field}>
                        <TableCell component="th" scope="row">
                          {pickLabel(c.fieldLabel, lang)}
                        </TableCell>
                        <TableCell>{show(c.before, t('history.empty'))}</TableCell>
                        <TableCell>{show(c.after, t('history.empty'))}</TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              </Box>
            ) : null}
          </Box>
        ))}
      </Paper>
    </>
  );
}

// /imports/:id — one import: its live progress (asked again every second while it runs), its counters
// by the server's labels, every problem by row and field in the interface language, the full report to
// download and the cancel button — each offered only when the server says so.
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, call } from '../api/client.js';
import type { paths } from '../api/openapi.js';
import { currentLang, pickLabel } from '../i18n/index.js';
import type { PageProps } from '../pages.js';
import { Link } from '../router.js';
import { DateTime } from '../shell/DateTime.js';
import { ErrorAlert } from '../shell/ErrorAlert.js';
import { takeFlash, type Flash } from '../shell/flash.js';
import { PageTitle } from '../shell/PageTitle.js';
import { ImportStatusChip } from '../imports/ImportStatusChip.js';
import { DetailsList } from '../shell/DetailsList.js';

type Job = paths['/api/imports/{id}']['get']['responses']['200']['content']['application/json'];

const POLL_MS = 1000;

function Problems({ job }: { job: Job }) {
  const { t } = useTranslation();
  const lang = currentLang();
  return (
    <Paper
      component="section"
      variant="outlined"
      aria-labelledby="errors-title"
      sx={{ p: { xs: 2, sm: 3 }, mb: 2 }}
    >
      <Typography variant="h2" id="errors-title" sx={{ mb: 1.5 }}>
        {t('imports.errors')}
      </Typography>
      {!job.errors.length ? (
        <Typography sx={{ color: 'text.secondary' }}>{t('imports.noErrors')}</Typography>
      ) : (
        <>
          {job.actions.downloadReport ? (
            <Button
              component="a"
              href={`/api/imports/${encodeURIComponent(job.id)}/errors.csv`}
              download
              variant="outlined"
              sx={{ mb: 1.5 }}
            >
              {t('imports.errorReport')}
            </Button>
          ) : null}
          {job.failed + job.conflicts > job.errors.length ? (
            <Typography sx={{ color: 'text.secondary', mb: 1 }}>
              {t('imports.errorsFirst', { n: job.errors.length })}
            </Typography>
          ) : null}
          <Box sx={{ overflowX: 'auto' }}>
            <Table size="small" aria-label={t('imports.errors')} className="import-problems">
              <TableHead sx={{ '& th': { whiteSpace: 'nowrap', fontWeight: 600 } }}>
                <TableRow>
                  <TableCell>{t('imports.row')}</TableCell>
                  <TableCell>{t('imports.problemKind')}</TableCell>
                  <TableCell>{t('imports.field')}</TableCell>
                  <TableCell>{t('imports.value')}</TableCell>
                  <TableCell>{t('imports.message')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {job.errors.map((e, i) => (
                  <TableRow key={`${e.row}-${e.field}-${i}`} data-row={e.row}>
                    <TableCell sx={{ textAlign: 'right' }}>{e.row}</TableCell>
                    <TableCell sx={{ whiteSpace: 'nowrap' }}>{pickLabel(e.kindLabel, lang)}</TableCell>
                    <TableCell>{pickLabel(e.fieldLabel, lang)}</TableCell>
                    <TableCell sx={{ wordBreak: 'break-all' }}>{e.value ?? ''}</TableCell>
                    <TableCell>{lang === 'en' ? e.messageEn : e.messageZh}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </Box>
        </>
      )}
    </Paper>
  );
}

export default function ImportJobPage({ params }: PageProps) {
  const { t } = useTranslation();
  const translate = t as (key: string, values?: Record<string, string>) => string;
  const lang = currentLang();
  const id = params.id!;
  const queryClient = useQueryClient();
  const [notice, setNotice] = useState<Flash | null>(takeFlash);
  const key = ['import', id];
  const job = useQuery({
    queryKey: key,
    queryFn: () => call(() => api.GET('/api/imports/{id}', { params: { path: { id } } })),
    // While it runs, ask again every second; an ended import does not change.
    refetchInterval: (query) => (query.state.data && !query.state.data.running ? false : POLL_MS),
    retry: false,
  });
  const cancel = useMutation({
    mutationFn: () => call(() => api.POST('/api/imports/{id}/cancel', { params: { path: { id } } })),
    onSuccess: async () => {
      setNotice({ key: 'imports.cancelAsked' });
      await queryClient.invalidateQueries({ queryKey: key });
    },
  });
  const data = job.data;
  const missing = job.error instanceof ApiError && [400, 403, 404].includes(job.error.status);
  return (
    <>
      {data ? (
        <Box component="nav" aria-label={t('imports.breadcrumb')} sx={{ mb: 1 }}>
          <Link href={`/institutions/${encodeURIComponent(data.institutionId)}/imports`}>
            {t('imports.back')}
          </Link>
        </Box>
      ) : null}
      <PageTitle title={data ? `${t('imports.jobTitle')} · ${data.fileName}` : t('imports.jobTitle')}>
        {t('imports.jobTitle')}
      </PageTitle>
      {missing ? <Alert severity="warning">{t('imports.notFound')}</Alert> : null}
      {job.error && !missing ? <ErrorAlert error={job.error} /> : null}
      {job.isPending ? <Typography role="status">{t('common.loading')}</Typography> : null}
      {notice ? (
        <Alert severity="info" role="status" sx={{ mb: 2 }} onClose={() => setNotice(null)}>
          {translate(notice.key, notice.values)}
        </Alert>
      ) : null}
      {data ? (
        <Box className="import-job" data-status={data.status}>
          <Paper
            component="section"
            variant="outlined"
            aria-label={t('imports.jobTitle')}
            sx={{ p: { xs: 2, sm: 3 }, mb: 2 }}
          >
            <DetailsList
              rows={[
                [t('imports.fileName'), data.fileName],
                [t('imports.kind'), pickLabel(data.kindLabel, lang)],
                [t('imports.mode'), pickLabel(data.modeLabel, lang)],
                [t('imports.status'), <ImportStatusChip key="s" job={data} />],
                [t('imports.createdAt'), <DateTime key="d" iso={data.createdAt} />],
                [t('imports.encoding'), data.encoding],
              ]}
            />
            <Box role="status" aria-live="polite" sx={{ mt: 2 }}>
              {/* The total grows while the file is streamed: a running import shows a moving bar. */}
              <LinearProgress
                variant={data.running ? 'indeterminate' : 'determinate'}
                value={100}
                aria-label={t('imports.progress')}
                sx={{ mb: 1, maxWidth: '28rem' }}
              />
              <Typography>
                {t('imports.progressLine', { total: data.total, processed: data.processed })}
                {data.cancelRequested && data.running ? ` ${t('imports.cancelling')}` : ''}
              </Typography>
            </Box>
            {data.actions.cancel ? (
              <Button
                variant="outlined"
                sx={{ mt: 2 }}
                disabled={cancel.isPending}
                onClick={() => cancel.mutate()}
              >
                {t('imports.cancel')}
              </Button>
            ) : null}
            {cancel.error ? <ErrorAlert error={cancel.error} /> : null}
            <Typography variant="h2" sx={{ mt: 3, mb: 1 }}>
              {t('imports.counts')}
            </Typography>
            <DetailsList
              rows={data.counts.map((c) => [
                c.hint
                  ? lang === 'en'
                    ? `${pickLabel(c.label, lang)} (${pickLabel(c.hint, lang)})`
                    : `${pickLabel(c.label, lang)}（${pickLabel(c.hint, lang)}）`
                  : pickLabel(c.label, lang),
                <span key={c.key} data-count={c.key}>
                  {c.value}
                </span>,
              ])}
            />
            {data.error ? (
              <Alert severity="error" sx={{ mt: 2 }}>
                {t('imports.jobError')}
                {data.error.message}
              </Alert>
            ) : null}
            {data.storedNothing ? (
              <Alert severity="error" role="alert" sx={{ mt: 2 }}>
                {t('imports.atomicNothing')}
              </Alert>
            ) : null}
          </Paper>
          {data.running ? null : <Problems job={data} />}
        </Box>
      ) : null}
    </>
  );
}

// /institutions/:id/imports — upload a records or assessments spreadsheet (the kinds this person may
// import come from the server), blank templates, the records' exports and the institution's past
// imports. A file the server refuses is named under the file field; nothing is checked twice here.
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormHelperText from '@mui/material/FormHelperText';
import FormLabel from '@mui/material/FormLabel';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../api/client.js';
import type { paths } from '../api/openapi.js';
import { currentLang, pickLabel } from '../i18n/index.js';
import type { PageProps } from '../pages.js';
import { fieldErrors } from '../records/fieldErrors.js';
import { Link, navigate } from '../router.js';
import { DateTime } from '../shell/DateTime.js';
import { ErrorAlert } from '../shell/ErrorAlert.js';
import { setFlash } from '../shell/flash.js';
import { PageTitle } from '../shell/PageTitle.js';
import { ResultsTable } from '../shell/ResultsTable.js';
import { ImportStatusChip } from '../imports/ImportStatusChip.js';

type Options =
  paths['/api/institutions/{id}/import-options']['get']['responses']['200']['content']['application/json'];
type Kind = Options['kinds'][number]['kind'];
type Mode = Options['modes'][number]['mode'];

const UPLOAD_PATH: Record<
  Kind,
  '/api/institutions/{id}/imports' | '/api/institutions/{id}/assessment-imports'
> = {
  records: '/api/institutions/{id}/imports',
  assessments: '/api/institutions/{id}/assessment-imports',
};

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Paper component="section" variant="outlined" aria-labelledby={id} sx={{ p: { xs: 2, sm: 3 }, mb: 2 }}>
      <Typography variant="h2" id={id} sx={{ mb: 1.5 }}>
        {title}
      </Typography>
      {children}
    </Paper>
  );
}

function UploadForm({ options }: { options: Options }) {
  const { t } = useTranslation();
  const lang = currentLang();
  const [kind, setKind] = useState<Kind>(options.kinds[0]!.kind);
  const [mode, setMode] = useState<Mode>('skip');
  const fileRef = useRef<HTMLInputElement>(null);
  const upload = useMutation({
    mutationFn: () => {
      const form = new FormData();
      const file = fileRef.current?.files?.[0];
      if (file) form.append('file', file);
      return call(() =>
        api.POST(UPLOAD_PATH[kind], {
          params: { path: { id: options.institution.id }, query: { mode } },
          body: form as never,
        }),
      );
    },
    onSuccess: (job) => {
      setFlash('imports.queued');
      navigate(`/imports/${encodeURIComponent((job as unknown as { id: string }).id)}`);
    },
  });
  const problems = fieldErrors(upload.error, lang);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    upload.mutate();
  };
  const fileError = problems.get('file')?.join('；');
  return (
    <Box component="form" noValidate onSubmit={submit} sx={{ display: 'grid', gap: 2, maxWidth: '40rem' }}>
      {options.kinds.length > 1 ? (
        <TextField
          select
          id="import-kind"
          label={t('imports.kind')}
          value={kind}
          onChange={(e) => setKind(e.target.value as Kind)}
        >
          {options.kinds.map((k) => (
            <MenuItem key={k.kind} value={k.kind}>
              {pickLabel(k.label, lang)}
            </MenuItem>
          ))}
        </TextField>
      ) : (
        <Typography>
          {t('imports.kind')}：{pickLabel(options.kinds[0]!.label, lang)}
        </Typography>
      )}
      <Typography data-kind={kind}>
        {t('imports.templates')}：
        <a href={`/api/import-templates/${kind}?format=xlsx`} download>
          {t('imports.templateXlsx')}
        </a>
        {' · '}
        <a href={`/api/import-templates/${kind}?format=csv`} download>
          {t('imports.templateCsv')}
        </a>
      </Typography>
      <FormControl>
        <FormLabel id="import-mode-label">{t('imports.mode')}</FormLabel>
        <RadioGroup
          aria-labelledby="import-mode-label"
          value={mode}
          onChange={(e) => setMode(e.target.value as Mode)}
        >
          {options.modes.map((m) => (
            <FormControlLabel
              key={m.mode}
              value={m.mode}
              control={<Radio />}
              label={pickLabel(m.label, lang)}
            />
          ))}
        </RadioGroup>
      </FormControl>
      <FormControl error={Boolean(fileError)}>
        <FormLabel htmlFor="import-file" required>
          {t('imports.file')}
        </FormLabel>
        <Box
          component="input"
          ref={fileRef}
          id="import-file"
          type="file"
          name="file"
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          aria-describedby="import-file-helper"
          aria-invalid={fileError ? 'true' : undefined}
          onChange={() => upload.reset()}
          sx={{ mt: 1, font: 'inherit' }}
        />
        <FormHelperText id="import-file-helper">{fileError ?? t('imports.fileHint')}</FormHelperText>
      </FormControl>
      {upload.error && !fileError ? <ErrorAlert error={upload.error} /> : null}
      <Box>
        <Button type="submit" variant="contained" disabled={upload.isPending}>
          {upload.isPending ? t('imports.uploading') : t('imports.submit')}
        </Button>
      </Box>
    </Box>
  );
}

function Exports({ institutionId }: { institutionId: string }) {
  const { t } = useTranslation();
  const base = `/api/institutions/${encodeURIComponent(institutionId)}`;
  return (
    <Box component="ul" sx={{ m: 0, pl: 2.5, display: 'grid', gap: 1 }}>
      <li>
        {t('imports.exportRecords')}：
        <a href={`${base}/export?format=xlsx`} download>
          XLSX
        </a>
        {' · '}
        <a href={`${base}/export?format=csv`} download>
          CSV
        </a>
      </li>
      <li>
        {t('imports.exportCatalogue')}：
        <a href={`${base}/catalogue?format=html`} target="_blank" rel="noopener">
          {t('imports.printable')}
        </a>
        {' · '}
        <a href={`${base}/catalogue?format=xlsx`} download>
          XLSX
        </a>
        {' · '}
        <a href={`${base}/catalogue?format=csv`} download>
          CSV
        </a>
      </li>
    </Box>
  );
}

function History({ institutionId }: { institutionId: string }) {
  const { t } = useTranslation();
  const lang = currentLang();
  const list = useQuery({
    queryKey: ['imports', institutionId],
    queryFn: () =>
      call(() => api.GET('/api/institutions/{id}/imports', { params: { path: { id: institutionId } } })),
  });
  if (list.error) return <ErrorAlert error={list.error} />;
  if (!list.data) return <Typography role="status">{t('common.loading')}</Typography>;
  if (!list.data.items.length)
    return <Typography sx={{ color: 'text.secondary' }}>{t('imports.noHistory')}</Typography>;
  return (
    <ResultsTable
      label={t('imports.history')}
      rows={list.data.items}
      rowKey={(job) => job.id}
      columns={[
        {
          key: 'createdAt',
          header: t('imports.createdAt'),
          nowrap: true,
          cell: (job) => <DateTime iso={job.createdAt} />,
        },
        {
          key: 'fileName',
          header: t('imports.fileName'),
          sx: { wordBreak: 'break-all' },
          cell: (job) => <Link href={`/imports/${encodeURIComponent(job.id)}`}>{job.fileName}</Link>,
        },
        { key: 'kind', header: t('imports.kind'), cell: (job) => pickLabel(job.kindLabel, lang) },
        { key: 'status', header: t('imports.status'), cell: (job) => <ImportStatusChip job={job} /> },
        {
          key: 'result',
          header: t('imports.result'),
          cell: (job) =>
            job.counts
              .filter((c) => c.value > 0)
              .map((c) => `${pickLabel(c.label, lang)} ${c.value}`)
              .join(lang === 'en' ? ', ' : '，') || t('audit.dash'),
        },
      ]}
    />
  );
}

export default function ImportsPage({ params }: PageProps) {
  const { t } = useTranslation();
  const id = params.id!;
  const options = useQuery({
    queryKey: ['import-options', id],
    queryFn: () => call(() => api.GET('/api/institutions/{id}/import-options', { params: { path: { id } } })),
    retry: false,
  });
  const data = options.data;
  return (
    <>
      <Box component="nav" aria-label={t('imports.breadcrumb')} sx={{ mb: 1 }}>
        <Link href="/institutions">{t('imports.institutions')}</Link>
        {data ? (
          <>
            {' › '}
            <Link href={`/institutions/${encodeURIComponent(id)}`}>{data.institution.name}</Link>
          </>
        ) : null}
      </Box>
      <PageTitle title={data ? `${t('imports.title')} · ${data.institution.name}` : t('imports.title')}>
        {t('imports.title')}
      </PageTitle>
      {data ? (
        <Typography sx={{ color: 'text.secondary', mb: 2 }}>
          <Box component="span" sx={{ fontFamily: 'monospace' }}>
            {data.institution.fullCode}
          </Box>{' '}
          · {data.institution.name}
        </Typography>
      ) : null}
      {options.error ? <ErrorAlert error={options.error} /> : null}
      {options.isPending ? <Typography role="status">{t('common.loading')}</Typography> : null}
      {data && !data.kinds.length ? <Alert severity="info">{t('imports.notAllowed')}</Alert> : null}
      {data && data.kinds.length ? (
        <Section id="import-title" title={t('imports.importTitle')}>
          <UploadForm options={data} />
        </Section>
      ) : null}
      {data?.mayExport ? (
        <Section id="export-title" title={t('imports.exportTitle')}>
          <Exports institutionId={id} />
        </Section>
      ) : null}
      {data?.mayViewHistory ? (
        <Section id="history-title" title={t('imports.history')}>
          <History institutionId={id} />
        </Section>
      ) : null}
    </>
  );
}

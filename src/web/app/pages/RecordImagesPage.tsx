// /records/:censusNumber/images — the cataloguer's page images of one record: upload (one or many
// files), label a run of pages by a 卷/叶 pattern or one by one, reorder (drag, arrow keys, 上移/下移),
// replace a master, delete; the pages as readers will see them in Mirador (loaded only here and on
// the record page). What may be changed, and why not, comes from the server with the list.
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.js';
import { currentLang, pickLabel } from '../i18n/index.js';
import type { PageProps } from '../pages.js';
import { MiradorViewer } from '../records/MiradorViewer.js';
import { recordHref, useRecord } from '../records/recordData.js';
import { Link } from '../router.js';
import { ErrorAlert } from '../shell/ErrorAlert.js';
import { PageTitle } from '../shell/PageTitle.js';
import { BatchLabelPanel } from '../images/BatchLabelPanel.js';
import { PageTable } from '../images/PageTable.js';
import { UploadPanel } from '../images/UploadPanel.js';
import { useImages, type ImageList } from '../images/imageData.js';

/** Changes whenever the pages' order, labels or readiness change: the viewer then reloads the manifest. */
function manifestVersion(list: ImageList): string {
  let hash = 0;
  for (const c of list.items.map((i) => `${i.id}:${i.label}:${i.status}:${i.version}`).join('|'))
    hash = (hash * 31 + c.charCodeAt(0)) | 0;
  return (hash >>> 0).toString(36);
}

function Viewer({ censusNumber, list }: { censusNumber: string; list: ImageList }) {
  const { t } = useTranslation();
  if (!list.items.some((i) => i.status === 'ready')) return null;
  const version = manifestVersion(list);
  return (
    <Paper variant="outlined" component="section" aria-labelledby="viewer-title" sx={{ p: 2, mb: 2 }}>
      <Typography variant="h2" id="viewer-title" sx={{ mb: 1 }}>
        {t('images.viewer')}
      </Typography>
      <MiradorViewer
        key={version}
        height="60vh"
        manifestIds={[`/iiif/manifest/${encodeURIComponent(censusNumber)}?v=${version}`]}
      />
    </Paper>
  );
}

export default function RecordImagesPage({ params }: PageProps) {
  const { t } = useTranslation();
  const lang = currentLang();
  const censusNumber = params.censusNumber ?? '';
  const record = useRecord(censusNumber);
  const images = useImages(censusNumber);

  const error = record.error ?? images.error;
  if (error) {
    const missing = error instanceof ApiError && (error.status === 404 || error.status === 400);
    if (!missing) return <ErrorAlert error={error} />;
    return (
      <>
        <PageTitle title={t('common.notFoundTitle')}>{t('common.notFoundTitle')}</PageTitle>
        <Typography sx={{ mb: 2 }}>{t('record.notFound')}</Typography>
        <Button component={Link} href="/records" variant="outlined">
          {t('record.backToList')}
        </Button>
      </>
    );
  }
  if (!record.data || !images.data) {
    return (
      <Typography role="status" sx={{ color: 'text.secondary' }}>
        {t('common.loading')}
      </Typography>
    );
  }
  const r = record.data;
  const list = images.data;
  const can = list.abilities;
  const mayChange = can.upload || can.relabel || can.reorder || can.replace || can.delete;
  const title = `${t('images.title')} · ${r.title}`;
  return (
    <>
      <Box component="nav" aria-label={t('record.breadcrumb')} sx={{ mb: 1, fontSize: '0.9rem' }}>
        <Link href="/records">{t('records.title')}</Link>
        {' › '}
        <Link href={recordHref(r.censusNumber)}>{t('images.backToRecord')}</Link>
      </Box>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'baseline', gap: 1, mb: 1 }}>
        <Box sx={{ flex: '1 1 20rem' }}>
          <PageTitle title={title}>{title}</PageTitle>
        </Box>
        <Button component={Link} href={recordHref(r.censusNumber)} variant="outlined" size="small">
          {r.censusNumber}
        </Button>
      </Box>
      {list.lockedReason ? (
        <Alert severity="info" role="status" sx={{ mb: 2 }}>
          {pickLabel(list.lockedReason, lang)}
        </Alert>
      ) : !mayChange ? (
        <Alert severity="info" role="status" sx={{ mb: 2 }}>
          {t('images.notAllowed')}
        </Alert>
      ) : null}
      {can.upload ? <UploadPanel censusNumber={r.censusNumber} /> : null}
      {can.relabel && list.items.length ? (
        <BatchLabelPanel key={list.items.length} censusNumber={r.censusNumber} images={list.items} />
      ) : null}
      <Paper variant="outlined" component="section" aria-labelledby="pages-title" sx={{ p: 2, mb: 2 }}>
        <Typography variant="h2" id="pages-title" sx={{ mb: 1 }}>
          {t('images.order')}
        </Typography>
        <PageTable censusNumber={r.censusNumber} list={list} />
      </Paper>
      <Viewer censusNumber={r.censusNumber} list={list} />
    </>
  );
}

// /review/:censusNumber — one record under review: its page images beside its fields (the server's
// labels and text), comments on fields, the review steps the server allows the caller now, and
// from round 2 on the previous round's comments and what changed since.
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, call } from '../api/client.js';
import { currentLang, pickLabel } from '../i18n/index.js';
import type { PageProps } from '../pages.js';
import { Link } from '../router.js';
import { DateTime } from '../shell/DateTime.js';
import { ErrorAlert } from '../shell/ErrorAlert.js';
import { PageTitle } from '../shell/PageTitle.js';
import { FieldList } from '../review/FieldList.js';
import { PageImages } from '../review/PageImages.js';
import { PreviousRound } from '../review/PreviousRound.js';
import { ReviewActions } from '../review/ReviewActions.js';
import { reviewKey, type ReviewAction } from '../review/types.js';
import { colors, fonts } from '../theme.js';

function Fact({ label, children, id }: { label: string; children: ReactNode; id?: string }) {
  return (
    <Box>
      <Box component="dt" sx={{ fontSize: '0.8rem', color: 'text.secondary' }}>
        {label}
      </Box>
      <Box component="dd" sx={{ m: 0 }} id={id} tabIndex={id ? -1 : undefined}>
        {children}
      </Box>
    </Box>
  );
}

export default function ReviewPage({ params }: PageProps) {
  const { t } = useTranslation();
  const lang = currentLang();
  const censusNumber = params.censusNumber!;
  const view = useQuery({
    queryKey: reviewKey(censusNumber),
    queryFn: () =>
      call(() => api.GET('/api/records/{censusNumber}/review', { params: { path: { censusNumber } } })),
    retry: false,
  });
  const [done, setDone] = useState<string | null>(null);
  const announce = (action: ReviewAction) => {
    setDone(t('review.done', { action: pickLabel(action.label, lang) }));
    document.getElementById('record-status')?.focus();
  };

  if (view.isPending) return <Typography role="status">{t('common.loading')}</Typography>;
  if (view.isError) {
    const missing = view.error instanceof ApiError && [403, 404].includes(view.error.status);
    return (
      <>
        <PageTitle title={t('review.notFoundTitle')}>{t('review.notFoundTitle')}</PageTitle>
        {missing ? <Typography>{t('review.notFound')}</Typography> : <ErrorAlert error={view.error} />}
        <Link href="/review">{t('review.backToQueue')}</Link>
      </>
    );
  }
  const v = view.data;
  const r = v.record;
  const reviewSteps = v.allowedActions.filter((a) => a.side === 'review');
  const years =
    r.yearFrom === null
      ? ''
      : r.yearTo !== null && r.yearTo !== r.yearFrom
        ? `${r.yearFrom}–${r.yearTo}`
        : `${r.yearFrom}`;
  return (
    <>
      <Box component="nav" aria-label={t('review.breadcrumb')} sx={{ mb: 1, fontSize: '0.9rem' }}>
        <Link href="/review">{t('review.queueTitle')}</Link>
      </Box>
      <PageTitle title={t('review.title', { title: r.title })}>
        {t('review.title', { title: r.title })}
      </PageTitle>
      <Paper
        component="section"
        variant="outlined"
        aria-label={t('review.censusNumber')}
        sx={{ p: 2, mb: 2, display: 'flex', flexWrap: 'wrap', gap: 3, alignItems: 'center' }}
      >
        <Box sx={{ borderRight: { sm: `1px solid ${colors.line}` }, pr: 3 }}>
          <Box sx={{ fontSize: '0.8rem', color: 'text.secondary' }}>{t('review.censusNumber')}</Box>
          <Box id="census-number" sx={{ fontFamily: 'monospace', fontSize: '1.2rem', fontWeight: 700 }}>
            {r.censusNumber}
          </Box>
        </Box>
        <Box component="dl" sx={{ m: 0, display: 'flex', flexWrap: 'wrap', gap: 3 }}>
          <Fact label={t('review.status')} id="record-status">
            <Chip
              size="small"
              color={v.mayComment ? 'primary' : 'default'}
              label={pickLabel(r.statusLabel, lang)}
            />
          </Fact>
          <Fact label={t('review.round')}>
            {v.currentRound ? t('review.roundN', { n: v.currentRound }) : '—'}
          </Fact>
          <Fact label={t('review.type')}>{pickLabel(r.typeLabel, lang)}</Fact>
          <Fact label={t('review.institution')}>{r.institutionName ?? '—'}</Fact>
          {years ? <Fact label={t('review.derivedYears')}>{years}</Fact> : null}
          <Fact label={t('review.updatedAt')}>
            <DateTime iso={r.updatedAt} />
          </Fact>
        </Box>
      </Paper>
      {r.dateWarnings.length ? (
        <Alert severity="warning" sx={{ mb: 2 }}>
          {r.dateWarnings
            .map((w) => pickLabel({ zh: w.messageZh, en: w.messageEn }, lang))
            .join(lang === 'en' ? ' · ' : '；')}
        </Alert>
      ) : null}
      {done ? (
        <Alert severity="success" role="status" onClose={() => setDone(null)} sx={{ mb: 2 }}>
          {done}
        </Alert>
      ) : null}
      <Paper component="section" variant="outlined" aria-labelledby="steps-title" sx={{ p: 2, mb: 2 }}>
        <Typography variant="h2" id="steps-title" sx={{ mb: 1 }}>
          {t('review.steps')}
        </Typography>
        {reviewSteps.length ? (
          <ReviewActions censusNumber={r.censusNumber} actions={reviewSteps} onDone={announce} />
        ) : (
          <Typography sx={{ color: 'text.secondary' }}>
            {t(v.mayComment ? 'review.noSteps' : 'review.notUnderReview')}
          </Typography>
        )}
      </Paper>
      {v.currentRound > 1 ? <PreviousRound view={v} /> : null}
      <Box
        sx={{
          display: 'grid',
          gap: 2,
          gridTemplateColumns: { xs: '1fr', md: 'minmax(0, 5fr) minmax(0, 6fr)' },
          alignItems: 'start',
        }}
      >
        <PageImages censusNumber={r.censusNumber} />
        <FieldList view={v} onSaved={() => setDone(t('review.commentSaved'))} />
      </Box>
      <Typography sx={{ mt: 2, fontFamily: fonts.serif }}>
        <Link href={`/records/${encodeURIComponent(r.censusNumber)}/history`}>{t('review.history')}</Link>
      </Typography>
    </>
  );
}

// /review — the reviewer's queue: the records awaiting their review (the server decides whose and
// which), oldest submission first, with the counts per status and per institution as filters, and
// the round each record is in. Filters live in the address, so a filtered queue can be bookmarked.
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.js';
import type { paths } from '../api/openapi.js';
import { currentLang, pickLabel } from '../i18n/index.js';
import { Link, navigate } from '../router.js';
import { DateTime } from '../shell/DateTime.js';
import { ErrorAlert } from '../shell/ErrorAlert.js';
import { ListPager } from '../shell/ListPager.js';
import { PageTitle } from '../shell/PageTitle.js';
import { ResultsTable, type Column } from '../shell/ResultsTable.js';
import { useUrlList } from '../shell/urlFilters.js';
import { Assignments } from '../review/Assignments.js';
import { colors, fonts } from '../theme.js';

const PAGE_SIZE = 20;
const FILTERS = ['status', 'institutionId', 'q'] as const;
type Queued =
  paths['/api/review-queue']['get']['responses']['200']['content']['application/json']['items'][number];

function useColumns(): Array<Column<Queued>> {
  const { t } = useTranslation();
  const lang = currentLang();
  return [
    {
      key: 'censusNumber',
      header: t('review.censusNumber'),
      nowrap: true,
      mono: true,
      cell: (r) => <Link href={`/review/${encodeURIComponent(r.censusNumber)}`}>{r.censusNumber}</Link>,
    },
    {
      key: 'title',
      header: t('review.recordTitle'),
      cell: (r) => (
        <>
          <Box sx={{ fontFamily: fonts.serif, fontWeight: 700 }}>{r.title}</Box>
          <Box sx={{ color: 'text.secondary', fontSize: '0.85rem' }}>
            {[r.authors, r.edition].filter(Boolean).join(' · ')}
          </Box>
        </>
      ),
    },
    { key: 'institution', header: t('review.institution'), cell: (r) => r.institutionName },
    {
      key: 'status',
      header: t('review.status'),
      cell: (r) => (
        <Chip
          size="small"
          variant="outlined"
          label={pickLabel(r.statusLabel, lang)}
          sx={r.status === 'in_review' ? { borderColor: colors.accent } : undefined}
        />
      ),
    },
    {
      key: 'round',
      header: t('review.round'),
      nowrap: true,
      cell: (r) =>
        r.round > 1 ? (
          <strong>{t('review.roundN', { n: r.round })}</strong>
        ) : (
          t('review.roundN', { n: r.round })
        ),
    },
    {
      key: 'submittedAt',
      header: t('review.submittedAt'),
      nowrap: true,
      cell: (r) => <DateTime iso={r.submittedAt} />,
    },
  ];
}

export default function ReviewQueuePage() {
  const { t } = useTranslation();
  const lang = currentLang();
  const columns = useColumns();
  const {
    filters,
    page,
    active,
    hrefFor,
    list: queue,
  } = useUrlList(
    '/review',
    FILTERS,
    PAGE_SIZE,
    (query) => api.GET('/api/review-queue', { params: { query } }),
    'review-queue',
  );
  const [text, setText] = useState(filters.q);
  const onSearch = (event: FormEvent) => {
    event.preventDefault();
    navigate(hrefFor(1, { q: text.trim() }));
  };
  const data = queue.data;

  return (
    <>
      <PageTitle title={t('review.queueTitle')}>{t('review.queueTitle')}</PageTitle>
      <Typography sx={{ color: 'text.secondary', mb: 2 }}>{t('review.queueIntro')}</Typography>
      {queue.isError ? <ErrorAlert error={queue.error} /> : null}
      {data ? (
        <>
          <Box
            component="nav"
            aria-label={t('review.byStatus')}
            sx={{ display: 'flex', flexWrap: 'wrap', gap: 1, mb: 2 }}
          >
            <Chip
              component={Link}
              href={hrefFor(1, { status: '' })}
              clickable
              color={filters.status ? 'default' : 'primary'}
              aria-current={filters.status ? undefined : 'true'}
              label={t('review.all', { n: data.counts.total })}
            />
            {data.counts.byStatus.map((s) => (
              <Chip
                key={s.status}
                component={Link}
                href={hrefFor(1, { status: s.status })}
                clickable
                color={filters.status === s.status ? 'primary' : 'default'}
                aria-current={filters.status === s.status ? 'true' : undefined}
                label={`${pickLabel(s.label, lang)} ${s.count}`}
              />
            ))}
          </Box>
          <Box
            component="form"
            role="search"
            aria-label={t('review.filters')}
            onSubmit={onSearch}
            sx={{ display: 'flex', flexWrap: 'wrap', gap: 1.5, alignItems: 'flex-start', mb: 2 }}
          >
            <TextField
              select
              size="small"
              label={t('review.institution')}
              value={filters.institutionId}
              onChange={(e) => navigate(hrefFor(1, { institutionId: e.target.value }))}
              slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
              sx={{ minWidth: '14rem' }}
            >
              <MenuItem value="">{t('review.allInstitutions')}</MenuItem>
              {data.counts.byInstitution.map((i) => (
                <MenuItem key={i.institutionId} value={i.institutionId}>
                  {t('review.institutionCount', { name: i.name, n: i.count })}
                </MenuItem>
              ))}
            </TextField>
            <TextField
              size="small"
              type="search"
              label={t('review.q')}
              helperText={t('review.qHint')}
              value={text}
              onChange={(e) => setText(e.target.value)}
              slotProps={{ htmlInput: { maxLength: 200 } }}
            />
            <Button type="submit" variant="contained">
              {t('review.search')}
            </Button>
            {active ? (
              <Button component={Link} href="/review">
                {t('review.clearFilters')}
              </Button>
            ) : null}
          </Box>
          <Typography id="results-summary" role="status" sx={{ mb: 1 }}>
            {t('review.summary', { n: data.total })}
          </Typography>
          {data.items.length ? (
            <ResultsTable
              label={t('review.queueTitle')}
              columns={columns}
              rows={data.items}
              rowKey={(r) => r.censusNumber}
            />
          ) : (
            <Paper variant="outlined" sx={{ p: 3, textAlign: 'center', color: 'text.secondary' }}>
              {active ? t('review.noMatches') : t('review.empty')}
            </Paper>
          )}
          <ListPager page={page} pageSize={PAGE_SIZE} total={data.total} hrefFor={hrefFor} />
        </>
      ) : queue.isPending ? (
        <Typography role="status">{t('common.loading')}</Typography>
      ) : null}
      <Assignments />
    </>
  );
}

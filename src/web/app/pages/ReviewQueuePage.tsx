// /review — the reviewer's queue: the records awaiting their review (the server decides whose and
// which), oldest submission first, with the counts per status and per institution as filters, and
// the round each record is in. Filters live in the address, so a filtered queue can be bookmarked.
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../api/client.js';
import { currentLang, pickLabel } from '../i18n/index.js';
import { Link, navigate, useLocation } from '../router.js';
import { DateTime } from '../shell/DateTime.js';
import { ErrorAlert } from '../shell/ErrorAlert.js';
import { PageTitle } from '../shell/PageTitle.js';
import { Assignments } from '../review/Assignments.js';
import { colors, fonts } from '../theme.js';

const PAGE_SIZE = 20;
type Status = 'submitted' | 'in_review';

/** The queue's address with these filters (empty ones left out). */
function queueHref(filters: Record<string, string | undefined>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value) query.set(key, value);
  return query.size ? `/review?${query}` : '/review';
}

export default function ReviewQueuePage() {
  const { t } = useTranslation();
  const lang = currentLang();
  const { search } = useLocation();
  const status = (search.get('status') as Status | null) ?? undefined;
  const institutionId = search.get('institutionId') ?? undefined;
  const q = search.get('q') ?? undefined;
  const page = Math.max(1, Number(search.get('page')) || 1);
  const filters = { status, institutionId, q };
  const queue = useQuery({
    queryKey: ['review-queue', filters, page],
    queryFn: () =>
      call(() =>
        api.GET('/api/review-queue', {
          params: { query: { ...filters, page, pageSize: PAGE_SIZE } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
  const [text, setText] = useState(q ?? '');
  const onSearch = (event: FormEvent) => {
    event.preventDefault();
    navigate(queueHref({ ...filters, q: text.trim() || undefined }));
  };
  const data = queue.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / PAGE_SIZE)) : 1;

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
              href={queueHref({ institutionId, q })}
              clickable
              color={status ? 'default' : 'primary'}
              aria-current={status ? undefined : 'true'}
              label={t('review.all', { n: data.counts.total })}
            />
            {data.counts.byStatus.map((s) => (
              <Chip
                key={s.status}
                component={Link}
                href={queueHref({ status: s.status, institutionId, q })}
                clickable
                color={status === s.status ? 'primary' : 'default'}
                aria-current={status === s.status ? 'true' : undefined}
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
              value={institutionId ?? ''}
              onChange={(e) => navigate(queueHref({ status, q, institutionId: e.target.value || undefined }))}
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
            {status || institutionId || q ? (
              <Button component={Link} href="/review">
                {t('review.clearFilters')}
              </Button>
            ) : null}
          </Box>
          <Typography id="results-summary" role="status" sx={{ mb: 1 }}>
            {t('review.summary', { n: data.total })}
          </Typography>
          {data.items.length ? (
            <Paper variant="outlined" sx={{ overflowX: 'auto' }}>
              <Table size="small" aria-label={t('review.queueTitle')}>
                <TableHead>
                  <TableRow>
                    <TableCell>{t('review.censusNumber')}</TableCell>
                    <TableCell>{t('review.recordTitle')}</TableCell>
                    <TableCell>{t('review.institution')}</TableCell>
                    <TableCell>{t('review.status')}</TableCell>
                    <TableCell>{t('review.round')}</TableCell>
                    <TableCell>{t('review.submittedAt')}</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {data.items.map((r) => (
                    <TableRow key={r.censusNumber} hover>
                      <TableCell sx={{ whiteSpace: 'nowrap', fontFamily: 'monospace' }}>
                        <Link href={`/review/${encodeURIComponent(r.censusNumber)}`}>{r.censusNumber}</Link>
                      </TableCell>
                      <TableCell>
                        <Box sx={{ fontFamily: fonts.serif, fontWeight: 700 }}>{r.title}</Box>
                        <Box sx={{ color: 'text.secondary', fontSize: '0.85rem' }}>
                          {[r.authors, r.edition].filter(Boolean).join(' · ')}
                        </Box>
                      </TableCell>
                      <TableCell>{r.institutionName}</TableCell>
                      <TableCell>
                        <Chip
                          size="small"
                          variant="outlined"
                          label={pickLabel(r.statusLabel, lang)}
                          sx={r.status === 'in_review' ? { borderColor: colors.accent } : undefined}
                        />
                      </TableCell>
                      <TableCell sx={{ whiteSpace: 'nowrap' }}>
                        {r.round > 1 ? (
                          <strong>{t('review.roundN', { n: r.round })}</strong>
                        ) : (
                          t('review.roundN', { n: r.round })
                        )}
                      </TableCell>
                      <TableCell sx={{ whiteSpace: 'nowrap' }}>
                        <DateTime iso={r.submittedAt} />
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </Paper>
          ) : (
            <Paper variant="outlined" sx={{ p: 3, textAlign: 'center', color: 'text.secondary' }}>
              {status || institutionId || q ? t('review.noMatches') : t('review.empty')}
            </Paper>
          )}
          {pages > 1 ? (
            <Box
              component="nav"
              aria-label={t('review.pages')}
              sx={{ display: 'flex', gap: 1, mt: 2, alignItems: 'center' }}
            >
              <Button
                component={Link}
                href={queueHref({ ...filters, page: String(page - 1) })}
                disabled={page <= 1}
              >
                {t('review.previous')}
              </Button>
              <span>{t('review.pageOf', { page, pages })}</span>
              <Button
                component={Link}
                href={queueHref({ ...filters, page: String(page + 1) })}
                disabled={page >= pages}
              >
                {t('review.next')}
              </Button>
            </Box>
          ) : null}
        </>
      ) : queue.isPending ? (
        <Typography role="status">{t('common.loading')}</Typography>
      ) : null}
      <Assignments />
    </>
  );
}

// /triage — the ranked rescue list of the caller's institution, province or the nation (the server
// decides which), each score explained, with filters kept in the address, a CSV export, and for each
// record the way to its condition page and to raising a work order. Every value by its label; on a
// phone each record is a card.
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import useMediaQuery from '@mui/material/useMediaQuery';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, call } from '../api/client.js';
import type { paths } from '../api/openapi.js';
import { currentLang, pickLabel } from '../i18n/index.js';
import { Link, navigate, useLocation } from '../router.js';
import { ErrorAlert } from '../shell/ErrorAlert.js';
import { PageTitle } from '../shell/PageTitle.js';
import { colors, fonts } from '../theme.js';

type Triage = paths['/api/triage']['get']['responses'][200]['content']['application/json'];
type Item = Triage['items'][number];
const FILTERS = ['damageLevel', 'grade', 'acidityBand', 'preciousOnly'] as const;
const PAGE_SIZE = 50;

function href(filters: Record<string, string | undefined>, base = '/triage'): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value) query.set(key, value);
  return query.size ? `${base}?${query}` : base;
}

function Links({ item, raise }: { item: Item; raise: boolean }) {
  const { t } = useTranslation();
  return raise ? (
    <Link href={`/restoration?censusNumber=${encodeURIComponent(item.censusNumber)}`}>
      {t('triage.openOrder')}
    </Link>
  ) : null;
}

export default function TriagePage() {
  const { t } = useTranslation();
  const lang = currentLang();
  const phone = useMediaQuery('(max-width: 700px)');
  const { search } = useLocation();
  const filters = Object.fromEntries(FILTERS.map((k) => [k, search.get(k) ?? undefined])) as Record<
    (typeof FILTERS)[number],
    string | undefined
  >;
  const page = Math.max(1, Number(search.get('page')) || 1);
  const list = useQuery({
    queryKey: ['triage', filters, page],
    placeholderData: keepPreviousData,
    queryFn: () =>
      call(() =>
        api.GET('/api/triage', {
          params: { query: { ...filters, page, pageSize: PAGE_SIZE } as never },
        }),
      ),
  });
  const data = list.data;
  const set = (key: string, value: string | undefined) => navigate(href({ ...filters, [key]: value }));
  const pages = data ? Math.max(1, Math.ceil(data.total / PAGE_SIZE)) : 1;
  const level = (i: Item) => (i.damageLevelLabel ? pickLabel(i.damageLevelLabel, lang) : '—');
  const grade = (i: Item) => (i.gradeLabel ? pickLabel(i.gradeLabel, lang) : '—');
  const why = (i: Item) => (lang === 'en' ? i.explanationEn : i.explanationZh);
  const recordLink = (i: Item) => (
    <Link href={`/records/${encodeURIComponent(i.censusNumber)}/condition`}>
      <Box component="span" sx={{ fontFamily: fonts.serif, fontWeight: 700 }}>
        {i.title}
      </Box>
    </Link>
  );
  return (
    <>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'baseline', gap: 1 }}>
        <Box sx={{ flex: '1 1 20rem' }}>
          <PageTitle title={t('triage.title')}>{t('triage.title')}</PageTitle>
        </Box>
        <Button href={href(filters, '/api/triage/export')} variant="outlined" size="small">
          {t('triage.export')}
        </Button>
      </Box>
      <Typography sx={{ color: 'text.secondary', mb: 2 }}>{t('triage.intro')}</Typography>
      {list.isError ? <ErrorAlert error={list.error} /> : null}
      {data ? (
        <>
          <Box
            component="form"
            role="search"
            aria-label={t('triage.filters')}
            onSubmit={(e) => e.preventDefault()}
            sx={{ display: 'flex', flexWrap: 'wrap', gap: 1.5, alignItems: 'center', mb: 2 }}
          >
            {(['damageLevel', 'grade', 'acidityBand'] as const).map((key) => (
              <TextField
                key={key}
                id={`triage-${key}`}
                select
                size="small"
                label={t(`triage.${key}`)}
                value={filters[key] ?? ''}
                onChange={(e) => set(key, e.target.value || undefined)}
                slotProps={{ select: { native: true }, inputLabel: { shrink: true } }}
                sx={{ minWidth: '10rem' }}
              >
                <option value="">{t('triage.any')}</option>
                {data.filters[key].map((o) => (
                  <option key={o.value} value={o.value}>
                    {pickLabel(o.label, lang)}
                  </option>
                ))}
              </TextField>
            ))}
            <FormControlLabel
              label={t('triage.preciousOnly')}
              control={
                <Checkbox
                  checked={filters.preciousOnly === 'true'}
                  onChange={(e) => set('preciousOnly', e.target.checked ? 'true' : undefined)}
                />
              }
            />
            {FILTERS.some((k) => filters[k]) ? (
              <Button component={Link} href="/triage">
                {t('triage.clear')}
              </Button>
            ) : null}
          </Box>
          <Typography id="triage-summary" role="status" sx={{ mb: 1 }}>
            {t('triage.scopeTotal', { scope: pickLabel(data.scopeLabel, lang), n: data.total })}
          </Typography>
          {!data.items.length ? (
            <Paper variant="outlined" sx={{ p: 3, textAlign: 'center', color: 'text.secondary' }}>
              {t('triage.empty')}
            </Paper>
          ) : phone ? (
            <Box
              component="ol"
              className="triage-cards"
              sx={{ listStyle: 'none', p: 0, m: 0, display: 'grid', gap: 1 }}
            >
              {data.items.map((i) => (
                <Paper
                  component="li"
                  key={i.censusNumber}
                  variant="outlined"
                  sx={{ p: 1.5, borderLeft: `3px solid ${colors.accent}` }}
                >
                  <Typography sx={{ fontSize: '0.85rem', color: 'text.secondary' }}>
                    #{i.rank} · {i.censusNumber} · {t('triage.score')} {i.score}
                  </Typography>
                  {recordLink(i)}
                  <Typography sx={{ fontSize: '0.9rem' }}>
                    {i.institutionName} · {level(i)} · {grade(i)}
                    {i.acidity ? ` · pH ${i.acidity.lowestPh}` : ''}
                  </Typography>
                  <Typography sx={{ fontSize: '0.85rem', color: 'text.secondary' }}>{why(i)}</Typography>
                  <Links item={i} raise={data.abilities.raiseWorkOrder} />
                </Paper>
              ))}
            </Box>
          ) : (
            <Paper variant="outlined" sx={{ overflowX: 'auto' }}>
              <Table size="small" aria-label={t('triage.title')} className="triage-table">
                <TableHead>
                  <TableRow>
                    <TableCell>{t('triage.rank')}</TableCell>
                    <TableCell>{t('triage.record')}</TableCell>
                    <TableCell>{t('triage.institution')}</TableCell>
                    <TableCell>{t('triage.damageLevel')}</TableCell>
                    <TableCell>{t('triage.grade')}</TableCell>
                    <TableCell>{t('triage.ph')}</TableCell>
                    <TableCell align="right">{t('triage.score')}</TableCell>
                    <TableCell>{t('triage.why')}</TableCell>
                    {data.abilities.raiseWorkOrder ? <TableCell>{t('triage.restoration')}</TableCell> : null}
                  </TableRow>
                </TableHead>
                <TableBody>
                  {data.items.map((i) => (
                    <TableRow key={i.censusNumber} hover>
                      <TableCell>{i.rank}</TableCell>
                      <TableCell>
                        {recordLink(i)}
                        <Box sx={{ fontFamily: 'monospace', fontSize: '0.8rem', color: 'text.secondary' }}>
                          {i.censusNumber}
                        </Box>
                      </TableCell>
                      <TableCell>{i.institutionName}</TableCell>
                      <TableCell sx={{ whiteSpace: 'nowrap' }}>{level(i)}</TableCell>
                      <TableCell sx={{ whiteSpace: 'nowrap' }}>{grade(i)}</TableCell>
                      <TableCell
                        title={
                          i.acidity ? (lang === 'en' ? i.acidity.labelEn : i.acidity.labelZh) : undefined
                        }
                      >
                        {i.acidity ? i.acidity.lowestPh : '—'}
                      </TableCell>
                      <TableCell align="right">{i.score}</TableCell>
                      <TableCell sx={{ fontSize: '0.85rem' }}>{why(i)}</TableCell>
                      {data.abilities.raiseWorkOrder ? (
                        <TableCell sx={{ whiteSpace: 'nowrap' }}>
                          <Links item={i} raise />
                        </TableCell>
                      ) : null}
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </Paper>
          )}
          {pages > 1 ? (
            <Box
              component="nav"
              aria-label={t('triage.pages')}
              sx={{ display: 'flex', gap: 1, mt: 2, alignItems: 'center' }}
            >
              <Button
                component={Link}
                href={href({ ...filters, page: String(page - 1) })}
                disabled={page <= 1}
              >
                {t('triage.previous')}
              </Button>
              <span>{t('triage.pageOf', { page, pages })}</span>
              <Button
                component={Link}
                href={href({ ...filters, page: String(page + 1) })}
                disabled={page >= pages}
              >
                {t('triage.next')}
              </Button>
            </Box>
          ) : null}
        </>
      ) : list.isPending ? (
        <Typography role="status">{t('common.loading')}</Typography>
      ) : null}
    </>
  );
}

// /statistics — census statistics for the reader's reach: narrowed by province and institution (the
// choices the server offers, kept in the URL), every category in its defined order and by the
// server's label, records registered and published per month, and completion per institution.
import Box from '@mui/material/Box';
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
import { useTranslation } from 'react-i18next';
import { api, call } from '../api/client.js';
import type { paths } from '../api/openapi.js';
import { currentLang, pickLabel, type Lang } from '../i18n/index.js';
import type { PageProps } from '../pages.js';
import { navigate, useLocation } from '../router.js';
import { ErrorAlert } from '../shell/ErrorAlert.js';
import { PageTitle } from '../shell/PageTitle.js';
import { colors } from '../theme.js';

type Statistics = paths['/api/statistics']['get']['responses'][200]['content']['application/json'];
type Row = { label: { zh: string; en: string }; count: number };

function Bar({ value, max, color = colors.accent }: { value: number; max: number; color?: string }) {
  return (
    <Box aria-hidden="true" sx={{ height: 10, background: colors.line, borderRadius: 1, minWidth: '4rem' }}>
      <Box
        sx={{
          height: '100%',
          width: `${max ? (100 * value) / max : 0}%`,
          background: color,
          borderRadius: 1,
        }}
      />
    </Box>
  );
}

function CountTable({ title, rows, id }: { title: string; rows: Row[]; id: string }) {
  const { t } = useTranslation();
  const lang = currentLang();
  const max = Math.max(0, ...rows.map((r) => r.count));
  return (
    <Paper variant="outlined" component="section" aria-labelledby={id} sx={{ p: 2 }}>
      <Typography variant="h2" id={id} sx={{ mb: 1 }}>
        {title}
      </Typography>
      {rows.length ? (
        <Table size="small" data-table={id}>
          <caption style={{ position: 'absolute', left: -10000 }}>{title}</caption>
          <TableBody>
            {rows.map((r) => (
              <TableRow key={r.label.zh}>
                <TableCell component="th" scope="row" sx={{ whiteSpace: 'nowrap' }}>
                  {pickLabel(r.label, lang)}
                </TableCell>
                <TableCell align="right" sx={{ width: '4rem', fontVariantNumeric: 'tabular-nums' }}>
                  {r.count}
                </TableCell>
                <TableCell sx={{ width: '45%' }}>
                  <Bar value={r.count} max={max} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : (
        <Typography sx={{ color: 'text.secondary' }}>{t('statistics.none')}</Typography>
      )}
    </Paper>
  );
}

function monthLabel(month: string, lang: Lang): string {
  const [y, m] = month.split('-').map(Number);
  if (!y || !m) return month;
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'zh-CN', {
    year: 'numeric',
    month: 'long',
  }).format(new Date(Date.UTC(y, m - 1, 15)));
}

function Trend({ data }: { data: Statistics }) {
  const { t } = useTranslation();
  const lang = currentLang();
  const max = Math.max(0, ...data.trend.flatMap((m) => [m.registered, m.published]));
  return (
    <Paper variant="outlined" component="section" aria-labelledby="stats-trend" sx={{ p: 2, mb: 2 }}>
      <Typography variant="h2" id="stats-trend" sx={{ mb: 1 }}>
        {t('statistics.trend')}
      </Typography>
      {data.trend.length ? (
        <Box sx={{ overflowX: 'auto' }}>
          <Table size="small" data-table="stats-trend">
            <caption style={{ position: 'absolute', left: -10000 }}>{t('statistics.trend')}</caption>
            <TableHead>
              <TableRow>
                <TableCell>{t('statistics.month')}</TableCell>
                <TableCell align="right">{t('statistics.registered')}</TableCell>
                <TableCell align="right">{t('statistics.published')}</TableCell>
                <TableCell sx={{ width: '40%' }}>
                  <Box component="span" sx={{ color: colors.accent }}>
                    ■
                  </Box>{' '}
                  {t('statistics.registered')}{' '}
                  <Box component="span" sx={{ color: colors.ok }}>
                    ■
                  </Box>{' '}
                  {t('statistics.published')}
                </TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {data.trend.map((m) => (
                <TableRow key={m.month} data-month={m.month}>
                  <TableCell component="th" scope="row" sx={{ whiteSpace: 'nowrap' }}>
                    {monthLabel(m.month, lang)}
                  </TableCell>
                  <TableCell align="right">{m.registered}</TableCell>
                  <TableCell align="right">{m.published}</TableCell>
                  <TableCell>
                    <Bar value={m.registered} max={max} />
                    <Box sx={{ height: 3 }} />
                    <Bar value={m.published} max={max} color={colors.ok} />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Box>
      ) : (
        <Typography sx={{ color: 'text.secondary' }}>{t('statistics.none')}</Typography>
      )}
    </Paper>
  );
}

function Completion({ data, pick }: { data: Statistics; pick: (id: string) => void }) {
  const { t } = useTranslation();
  const lang = currentLang();
  const offered = new Set((data.choices.institutions ?? []).map((i) => i.id));
  const joined = (rows: Row[]) => rows.map((r) => `${pickLabel(r.label, lang)} ${r.count}`).join(' · ');
  return (
    <Paper variant="outlined" component="section" aria-labelledby="stats-completion" sx={{ p: 2, mb: 2 }}>
      <Typography variant="h2" id="stats-completion" sx={{ mb: 1 }}>
        {t('statistics.completion')}
      </Typography>
      <Box sx={{ overflowX: 'auto' }}>
        <Table size="small" data-table="stats-completion">
          <caption style={{ position: 'absolute', left: -10000 }}>{t('statistics.completion')}</caption>
          <TableHead>
            <TableRow>
              <TableCell>{t('statistics.institution')}</TableCell>
              <TableCell align="right">{t('statistics.records')}</TableCell>
              <TableCell>{t('statistics.status')}</TableCell>
              <TableCell>{t('statistics.tier')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {data.completion.map((c) => (
              <TableRow key={c.institutionId}>
                <TableCell component="th" scope="row">
                  {offered.has(c.institutionId) && data.scope.institutionId !== c.institutionId ? (
                    <Box
                      component="button"
                      type="button"
                      onClick={() => pick(c.institutionId)}
                      sx={{
                        all: 'unset',
                        cursor: 'pointer',
                        color: colors.link,
                        textDecoration: 'underline',
                        '&:focus-visible': { outline: `3px solid ${colors.focus}`, outlineOffset: 2 },
                      }}
                    >
                      {c.institutionName ?? t('statistics.unnamed')}
                    </Box>
                  ) : (
                    (c.institutionName ?? t('statistics.unnamed'))
                  )}
                </TableCell>
                <TableCell align="right">{c.total}</TableCell>
                <TableCell>{joined(c.statuses)}</TableCell>
                <TableCell>{joined(c.tiers)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Box>
    </Paper>
  );
}

export default function StatisticsPage(_props: PageProps) {
  const { t } = useTranslation();
  const lang = currentLang();
  const { search } = useLocation();
  const provinceCode = search.get('provinceCode') ?? '';
  const institutionId = search.get('institutionId') ?? '';
  const stats = useQuery({
    queryKey: ['statistics', provinceCode, institutionId],
    queryFn: () =>
      call(() =>
        api.GET('/api/statistics', {
          params: {
            query: {
              ...(provinceCode ? { provinceCode } : {}),
              ...(institutionId ? { institutionId } : {}),
            },
          },
        }),
      ),
    placeholderData: keepPreviousData,
  });
  const go = (next: { provinceCode?: string; institutionId?: string }) => {
    const query = new URLSearchParams();
    if (next.provinceCode) query.set('provinceCode', next.provinceCode);
    if (next.institutionId) query.set('institutionId', next.institutionId);
    navigate(`/statistics${query.size ? `?${query}` : ''}`);
  };
  const data = stats.data;
  const title = t('statistics.title');
  return (
    <>
      <PageTitle title={title}>{title}</PageTitle>
      {stats.error ? <ErrorAlert error={stats.error} /> : null}
      {!data ? (
        stats.error ? null : (
          <Typography role="status" sx={{ color: 'text.secondary' }}>
            {t('common.loading')}
          </Typography>
        )
      ) : (
        <>
          {data.choices.provinces || data.choices.institutions ? (
            <Box
              component="form"
              role="search"
              aria-label={t('statistics.filters')}
              onSubmit={(e) => e.preventDefault()}
              sx={{ display: 'flex', flexWrap: 'wrap', gap: 1.5, mb: 2 }}
            >
              {data.choices.provinces ? (
                <TextField
                  id="stats-province"
                  select
                  size="small"
                  label={t('statistics.province')}
                  value={data.scope.provinceCode ?? ''}
                  onChange={(e) => go({ provinceCode: e.target.value })}
                  sx={{ minWidth: '14rem' }}
                >
                  <MenuItem value="">{t('statistics.nation')}</MenuItem>
                  {data.choices.provinces.map((p) => (
                    <MenuItem key={p.code} value={p.code}>
                      {t('statistics.choice', { name: pickLabel(p.label, lang), n: p.count })}
                    </MenuItem>
                  ))}
                </TextField>
              ) : null}
              {data.choices.institutions ? (
                <TextField
                  id="stats-institution"
                  select
                  size="small"
                  label={t('statistics.institution')}
                  value={data.scope.institutionId ?? ''}
                  onChange={(e) =>
                    go({ provinceCode: data.scope.provinceCode ?? '', institutionId: e.target.value })
                  }
                  sx={{ minWidth: '16rem' }}
                >
                  <MenuItem value="">{t('statistics.allInstitutions')}</MenuItem>
                  {data.choices.institutions.map((i) => (
                    <MenuItem key={i.id} value={i.id}>
                      {t('statistics.choice', { name: i.name, n: i.count })}
                    </MenuItem>
                  ))}
                </TextField>
              ) : null}
            </Box>
          ) : null}
          <Typography data-testid="stats-total" sx={{ mb: 2 }} aria-live="polite">
            {t('statistics.scope', {
              name: pickLabel(data.scope.label, lang),
              n: data.total,
            })}
          </Typography>
          <Box
            sx={{
              display: 'grid',
              gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' },
              gap: 2,
              mb: 2,
              opacity: stats.isPlaceholderData ? 0.6 : 1,
            }}
          >
            <CountTable id="stats-type" title={t('statistics.byType')} rows={data.byType} />
            <CountTable id="stats-status" title={t('statistics.byStatus')} rows={data.byStatus} />
            <CountTable id="stats-grade" title={t('statistics.byGrade')} rows={data.byGrade} />
            <CountTable id="stats-rank" title={t('statistics.byRank')} rows={data.byRank} />
            <CountTable id="stats-damage" title={t('statistics.byDamage')} rows={data.byDamageLevel} />
            <CountTable id="stats-acidity" title={t('statistics.byAcidity')} rows={data.byAcidityBand} />
            <CountTable id="stats-tier" title={t('statistics.byTier')} rows={data.byTier} />
            {data.scope.level === 'nation' ? (
              <CountTable id="stats-province" title={t('statistics.byProvince')} rows={data.byProvince} />
            ) : null}
          </Box>
          <Trend data={data} />
          <Completion
            data={data}
            pick={(id) => go({ provinceCode: data.scope.provinceCode ?? '', institutionId: id })}
          />
        </>
      )}
    </>
  );
}

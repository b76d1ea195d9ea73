// /triage — the ranked rescue list of the caller's institution, province or the nation (the server
// decides which), each score explained, with filters kept in the address, a CSV export, and for each
// record the way to its condition page and to raising a work order. Every value by its label; on a
// phone each record is a card.
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import Paper from '@mui/material/Paper';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.js';
import type { paths } from '../api/openapi.js';
import { currentLang, pickLabel } from '../i18n/index.js';
import { Link, navigate } from '../router.js';
import { ErrorAlert } from '../shell/ErrorAlert.js';
import { ListPager, listQuery } from '../shell/ListPager.js';
import { PageTitle } from '../shell/PageTitle.js';
import { ResultsTable, type Column } from '../shell/ResultsTable.js';
import { useUrlList } from '../shell/urlFilters.js';
import { colors, fonts } from '../theme.js';

type Triage = paths['/api/triage']['get']['responses'][200]['content']['application/json'];
type Item = Triage['items'][number];
const FILTERS = ['damageLevel', 'grade', 'acidityBand', 'preciousOnly'] as const;
const PAGE_SIZE = 50;

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
  const { filters, page, active, hrefFor, list } = useUrlList('/triage', FILTERS, PAGE_SIZE, (query) =>
    api.GET('/api/triage', { params: { query } }),
  );
  const data = list.data;
  const set = (key: string, value: string) => navigate(hrefFor(1, { [key]: value }));
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
  const raise = data?.abilities.raiseWorkOrder ?? false;
  const columns: Array<Column<Item> | false> = [
    { key: 'rank', header: t('triage.rank'), cell: (i) => i.rank },
    {
      key: 'record',
      header: t('triage.record'),
      cell: (i) => (
        <>
          {recordLink(i)}
          <Box sx={{ fontFamily: 'monospace', fontSize: '0.8rem', color: 'text.secondary' }}>
            {i.censusNumber}
          </Box>
        </>
      ),
    },
    { key: 'institution', header: t('triage.institution'), cell: (i) => i.institutionName },
    { key: 'damageLevel', header: t('triage.damageLevel'), nowrap: true, cell: level },
    { key: 'grade', header: t('triage.grade'), nowrap: true, cell: grade },
    {
      key: 'ph',
      header: t('triage.ph'),
      cell: (i) =>
        i.acidity ? (
          <span title={lang === 'en' ? i.acidity.labelEn : i.acidity.labelZh}>{i.acidity.lowestPh}</span>
        ) : (
          '—'
        ),
    },
    { key: 'score', header: t('triage.score'), align: 'right', cell: (i) => i.score },
    { key: 'why', header: t('triage.why'), sx: { fontSize: '0.85rem' }, cell: why },
    raise && {
      key: 'restoration',
      header: t('triage.restoration'),
      nowrap: true,
      cell: (i) => <Links item={i} raise />,
    },
  ];
  const card = (i: Item) => (
    <Paper variant="outlined" sx={{ p: 1.5, borderLeft: `3px solid ${colors.accent}` }}>
      <Typography sx={{ fontSize: '0.85rem', color: 'text.secondary' }}>
        #{i.rank} · {i.censusNumber} · {t('triage.score')} {i.score}
      </Typography>
      {recordLink(i)}
      <Typography sx={{ fontSize: '0.9rem' }}>
        {i.institutionName} · {level(i)} · {grade(i)}
        {i.acidity ? ` · pH ${i.acidity.lowestPh}` : ''}
      </Typography>
      <Typography sx={{ fontSize: '0.85rem', color: 'text.secondary' }}>{why(i)}</Typography>
      <Links item={i} raise={raise} />
    </Paper>
  );
  return (
    <>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'baseline', gap: 1 }}>
        <Box sx={{ flex: '1 1 20rem' }}>
          <PageTitle title={t('triage.title')}>{t('triage.title')}</PageTitle>
        </Box>
        <Button href={`/api/triage/export${listQuery(filters)}`} variant="outlined" size="small">
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
                value={filters[key]}
                onChange={(e) => set(key, e.target.value)}
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
                  onChange={(e) => set('preciousOnly', e.target.checked ? 'true' : '')}
                />
              }
            />
            {active ? (
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
          ) : (
            <ResultsTable
              label={t('triage.title')}
              className="triage-table"
              columns={columns}
              rows={data.items}
              rowKey={(i) => i.censusNumber}
              card={card}
              cardsClassName="triage-cards"
            />
          )}
          <ListPager page={page} pageSize={PAGE_SIZE} total={data.total} hrefFor={hrefFor} />
        </>
      ) : list.isPending ? (
        <Typography role="status">{t('common.loading')}</Typography>
      ) : null}
    </>
  );
}

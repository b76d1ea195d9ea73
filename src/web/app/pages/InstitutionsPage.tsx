// /institutions — the directory of collecting institutions: filters (province, type, search) kept in
// the address, types and provinces by their labels, 新建单位 only for those the server lets register.
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
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
import type { PageProps } from '../pages.js';
import { Link, navigate, useLocation } from '../router.js';
import { ErrorAlert } from '../shell/ErrorAlert.js';
import { ListPager, listQuery } from '../shell/ListPager.js';
import { PageTitle } from '../shell/PageTitle.js';
import { takeFlash, type Flash } from '../shell/flash.js';

const PAGE_SIZE = 20;
const FILTERS = ['provinceCode', 'type', 'q'] as const;
type Filters = Record<(typeof FILTERS)[number], string>;

function useReference() {
  const provinces = useQuery({
    queryKey: ['provinces'],
    queryFn: () => call(() => api.GET('/api/provinces')),
    staleTime: Infinity,
  });
  return provinces;
}

function FiltersForm({
  filters,
  types,
}: {
  filters: Filters;
  types: Array<{ value: string; label: { zh: string; en: string } }>;
}) {
  const { t } = useTranslation();
  const lang = currentLang();
  const provinces = useReference();
  const [values, setValues] = useState(filters);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    navigate(`/institutions${listQuery({ ...values, q: values.q.trim() })}`);
  };
  return (
    <Paper
      component="form"
      variant="outlined"
      role="search"
      aria-label={t('institutions.filters')}
      noValidate
      onSubmit={submit}
      sx={{
        p: 2,
        mb: 2,
        display: 'grid',
        gap: 1.5,
        gridTemplateColumns: { xs: '1fr', sm: 'repeat(2, 1fr)', md: 'repeat(4, 1fr)' },
      }}
    >
      <TextField
        select
        id="filter-provinceCode"
        label={t('institutions.province')}
        size="small"
        value={values.provinceCode}
        onChange={(e) => setValues({ ...values, provinceCode: e.target.value })}
      >
        <MenuItem value="">{t('institutions.allProvinces')}</MenuItem>
        {(provinces.data?.items ?? []).map((p) => (
          <MenuItem key={p.code} value={p.code}>
            {pickLabel({ zh: p.nameZh, en: p.nameEn }, lang)}
          </MenuItem>
        ))}
      </TextField>
      <TextField
        select
        id="filter-type"
        label={t('institutions.type')}
        size="small"
        value={values.type}
        onChange={(e) => setValues({ ...values, type: e.target.value })}
      >
        <MenuItem value="">{t('institutions.allTypes')}</MenuItem>
        {types.map((o) => (
          <MenuItem key={o.value} value={o.value}>
            {pickLabel(o.label, lang)}
          </MenuItem>
        ))}
      </TextField>
      <TextField
        id="filter-q"
        type="search"
        label={t('institutions.q')}
        size="small"
        value={values.q}
        onChange={(e) => setValues({ ...values, q: e.target.value })}
        helperText={t('institutions.qHint')}
        slotProps={{ htmlInput: { maxLength: 100 } }}
      />
      <Box sx={{ display: 'flex', gap: 1, alignItems: 'flex-start' }}>
        <Button type="submit" variant="contained">
          {t('institutions.search')}
        </Button>
        {Object.values(filters).some(Boolean) ? (
          <Button component={Link} href="/institutions">
            {t('institutions.clear')}
          </Button>
        ) : null}
      </Box>
    </Paper>
  );
}

export default function InstitutionsPage(_props: PageProps) {
  const { t } = useTranslation();
  const lang = currentLang();
  const { search } = useLocation();
  const filters = Object.fromEntries(FILTERS.map((n) => [n, search.get(n) ?? ''])) as Filters;
  const page = Math.max(1, Number.parseInt(search.get('page') ?? '1', 10) || 1);
  const [flash, setFlashState] = useState<Flash | null>(takeFlash);
  const formOptions = useQuery({
    queryKey: ['institution-form-options'],
    queryFn: () => call(() => api.GET('/api/institution-form-options')),
    staleTime: 5 * 60_000,
  });
  const list = useQuery({
    queryKey: ['institutions', filters, page],
    queryFn: () =>
      call(() =>
        api.GET('/api/institutions', {
          params: {
            query: {
              ...(Object.fromEntries(Object.entries(filters).filter(([, v]) => v)) as Record<string, never>),
              page,
              pageSize: PAGE_SIZE,
            },
          },
        }),
      ),
    placeholderData: keepPreviousData,
  });
  const answer = list.data;
  return (
    <>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'baseline', gap: 1.5, mb: 1 }}>
        <Box sx={{ flex: 1 }}>
          <PageTitle title={t('institutions.title')}>{t('institutions.title')}</PageTitle>
        </Box>
        {answer?.mayCreate ? (
          <Button component={Link} href="/institutions/new" variant="contained">
            {t('institutions.new')}
          </Button>
        ) : null}
      </Box>
      {flash ? (
        <Alert severity="success" role="status" sx={{ mb: 2 }} onClose={() => setFlashState(null)}>
          {(t as (key: string, values?: Record<string, string>) => string)(flash.key, flash.values)}
        </Alert>
      ) : null}
      <FiltersForm key={JSON.stringify(filters)} filters={filters} types={formOptions.data?.types ?? []} />
      {list.error ? <ErrorAlert error={list.error} /> : null}
      {answer ? (
        <Box component="section" aria-labelledby="results-summary">
          <Typography variant="h2" id="results-summary" tabIndex={-1} sx={{ my: 1.5 }} aria-live="polite">
            {t('institutions.total', { total: answer.total })}
          </Typography>
          {answer.items.length === 0 ? (
            <Alert severity="info">{t('institutions.empty')}</Alert>
          ) : (
            <Box
              sx={{
                overflowX: 'auto',
                border: 1,
                borderColor: 'divider',
                borderRadius: 1,
                bgcolor: 'background.paper',
              }}
            >
              <Table size="small" aria-label={t('institutions.title')}>
                <TableHead sx={{ '& th': { whiteSpace: 'nowrap', fontWeight: 600 } }}>
                  <TableRow>
                    <TableCell>{t('institutions.fullCode')}</TableCell>
                    <TableCell>{t('institutions.name')}</TableCell>
                    <TableCell>{t('institutions.province')}</TableCell>
                    <TableCell>{t('institutions.type')}</TableCell>
                    <TableCell>{t('institutions.keyProtectionShort')}</TableCell>
                    <TableCell>{t('institutions.restorationShort')}</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {answer.items.map((i) => (
                    <TableRow key={i.id} data-key={i.id} hover>
                      <TableCell sx={{ whiteSpace: 'nowrap', fontFamily: 'monospace' }}>
                        {i.fullCode}
                      </TableCell>
                      <TableCell>
                        <Link href={`/institutions/${encodeURIComponent(i.id)}`}>{i.name}</Link>
                      </TableCell>
                      <TableCell sx={{ whiteSpace: 'nowrap' }}>{pickLabel(i.provinceLabel, lang)}</TableCell>
                      <TableCell sx={{ whiteSpace: 'nowrap' }}>{pickLabel(i.typeLabel, lang)}</TableCell>
                      <TableCell sx={{ whiteSpace: 'nowrap' }}>
                        {i.keyProtectionLabel ? pickLabel(i.keyProtectionLabel, lang) : t('audit.dash')}
                      </TableCell>
                      <TableCell>
                        {i.isRestorationCentre ? t('institutions.yes') : t('institutions.no')}
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </Box>
          )}
          <ListPager
            page={answer.page}
            pageSize={answer.pageSize}
            total={answer.total}
            hrefFor={(p) => `/institutions${listQuery(filters, p)}`}
          />
        </Box>
      ) : list.isPending ? (
        <Typography role="status" sx={{ color: 'text.secondary' }}>
          {t('common.loading')}
        </Typography>
      ) : null}
    </>
  );
}

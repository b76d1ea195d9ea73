// /records — the census records the user may see: filters and search kept in the URL, a page of
// rows (status by the server's label), bulk steps the server offers, 新建记录 and the import link
// only when the server says so.
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import MenuItem from '@mui/material/MenuItem';
import Pagination from '@mui/material/Pagination';
import PaginationItem from '@mui/material/PaginationItem';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  useEffect,
  useRef,
  useState,
  type AnchorHTMLAttributes,
  type FormEvent,
  type ReactNode,
} from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../api/client.js';
import { currentLang, pickLabel } from '../i18n/index.js';
import type { PageProps } from '../pages.js';
import { Link, navigate, useLocation } from '../router.js';
import { ErrorAlert } from '../shell/ErrorAlert.js';
import { PageTitle } from '../shell/PageTitle.js';
import { StatusChip } from '../records/StatusChip.js';
import { fieldErrors } from '../records/fieldErrors.js';
import {
  codeValues,
  formatAuthors,
  recordHref,
  useCodeLists,
  useRecordFields,
  type RecordList,
} from '../records/recordData.js';

const PAGE_SIZE = 20;
const FILTERS = [
  'type',
  'status',
  'classification',
  'dynasty',
  'yearFrom',
  'yearTo',
  'grade',
  'damageGrade',
  'q',
] as const;
type Filter = (typeof FILTERS)[number];
type Filters = Record<Filter, string>;

type BulkAnswer = {
  succeeded: number;
  failed: number;
  results: Array<{
    censusNumber: string;
    ok: boolean;
    status?: string;
    statusLabel?: { zh: string; en: string };
    error?: {
      messageZh: string;
      messageEn: string;
      details?: Array<{ messageZh?: string; messageEn?: string }>;
    };
  }>;
};

/** An in-app link MUI can render items as (its children may be empty). */
function ItemLink({
  href,
  children,
  ...rest
}: { href: string; children?: ReactNode } & AnchorHTMLAttributes<HTMLAnchorElement>) {
  return (
    <Link href={href} {...rest}>
      {children}
    </Link>
  );
}

function FiltersForm({ filters, error }: { filters: Filters; error: unknown }) {
  const { t } = useTranslation();
  const lang = currentLang();
  const layout = useRecordFields();
  const lists = useCodeLists();
  const [values, setValues] = useState(filters);
  useEffect(() => setValues(filters), [filters]);
  const problems = fieldErrors(error, lang);
  const choicesOf = (key: string) =>
    layout.data?.groups.flatMap((g) => g.fields).find((f) => f.key === key)?.choices ?? [];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const query = new URLSearchParams();
    for (const name of FILTERS) if (values[name].trim()) query.set(name, values[name].trim());
    navigate(`/records${query.size ? `?${query}` : ''}`);
  };
  const text = (name: Filter, label: string, extra: { hint?: string; inputMode?: 'numeric' } = {}) => (
    <TextField
      id={`filter-${name}`}
      name={name}
      label={label}
      size="small"
      value={values[name]}
      onChange={(e) => setValues({ ...values, [name]: e.target.value })}
      error={problems.has(name)}
      helperText={problems.get(name)?.join('；') ?? extra.hint}
      slotProps={{ htmlInput: { inputMode: extra.inputMode, maxLength: 200 } }}
    />
  );
  const select = (name: Filter, label: string, options: Array<{ value: string; label: string }>) => (
    <TextField
      select
      id={`filter-${name}`}
      name={name}
      label={label}
      size="small"
      value={values[name]}
      onChange={(e) => setValues({ ...values, [name]: e.target.value })}
      error={problems.has(name)}
      helperText={problems.get(name)?.join('；')}
    >
      <MenuItem value="">{t('records.all')}</MenuItem>
      {options.map((o) => (
        <MenuItem key={o.value} value={o.value}>
          {o.label}
        </MenuItem>
      ))}
    </TextField>
  );
  const plain = (list: readonly string[]) => list.map((v) => ({ value: v, label: v }));
  return (
    <Paper
      component="form"
      variant="outlined"
      role="search"
      aria-label={t('records.filters')}
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
      {select(
        'type',
        t('records.type'),
        (layout.data?.types ?? []).map((o) => ({ value: o.value, label: pickLabel(o.label, lang) })),
      )}
      {select(
        'status',
        t('records.status'),
        (layout.data?.statuses ?? []).map((o) => ({ value: o.value, label: pickLabel(o.label, lang) })),
      )}
      {select('classification', t('records.classification'), plain(codeValues(lists.data, 'classification')))}
      {text('dynasty', t('records.dynasty'), { hint: t('records.dynastyHint') })}
      {text('yearFrom', t('records.yearFrom'), { hint: t('records.yearHint'), inputMode: 'numeric' })}
      {text('yearTo', t('records.yearTo'), { inputMode: 'numeric' })}
      {select('grade', t('records.grade'), plain(choicesOf('grade')))}
      {select('damageGrade', t('records.damageGrade'), plain(choicesOf('damageGrade')))}
      <Box sx={{ gridColumn: { sm: 'span 2' } }}>
        <TextField
          id="filter-q"
          name="q"
          type="search"
          label={t('records.q')}
          size="small"
          fullWidth
          value={values.q}
          onChange={(e) => setValues({ ...values, q: e.target.value })}
          error={problems.has('q')}
          helperText={problems.get('q')?.join('；') ?? t('records.qHint')}
        />
      </Box>
      <Box sx={{ display: 'flex', gap: 1, alignItems: 'flex-start', gridColumn: { sm: 'span 2' } }}>
        <Button type="submit" variant="contained">
          {t('records.search')}
        </Button>
        {Object.values(filters).some(Boolean) ? (
          <Button component={Link} href="/records" variant="text">
            {t('records.clear')}
          </Button>
        ) : null}
      </Box>
    </Paper>
  );
}

function BulkResult({ answer, titles }: { answer: BulkAnswer; titles: Map<string, string> }) {
  const { t } = useTranslation();
  const lang = currentLang();
  const ref = useRef<HTMLElement>(null);
  useEffect(() => ref.current?.focus(), [answer]);
  return (
    <Paper
      component="section"
      variant="outlined"
      ref={ref}
      tabIndex={-1}
      aria-labelledby="bulk-result-title"
      className="bulk-result"
      sx={{ p: 2, mb: 2 }}
    >
      <Typography variant="h2" id="bulk-result-title" sx={{ mb: 1 }}>
        {t('records.bulkResultTitle')}
      </Typography>
      <Typography>{t('records.bulkResult', { ok: answer.succeeded, failed: answer.failed })}</Typography>
      <Box component="ul" sx={{ pl: 2.5, mb: 0 }}>
        {answer.results.map((r) => (
          <li key={r.censusNumber} data-census-number={r.censusNumber}>
            <strong>{r.ok ? t('records.bulkOk') : t('records.bulkFailed')}</strong>{' '}
            <Link href={recordHref(r.censusNumber)}>{r.censusNumber}</Link> {titles.get(r.censusNumber) ?? ''}
            {r.statusLabel ? ` → ${pickLabel(r.statusLabel, lang)}` : null}
            {r.error ? (
              <>
                ：{lang === 'en' ? r.error.messageEn : r.error.messageZh}
                {r.error.details?.length ? (
                  <ul>
                    {r.error.details.map((d, i) => (
                      <li key={i}>{lang === 'en' ? d.messageEn : d.messageZh}</li>
                    ))}
                  </ul>
                ) : null}
              </>
            ) : null}
          </li>
        ))}
      </Box>
    </Paper>
  );
}

function ResultsTable({
  answer,
  selected,
  setSelected,
  selectable,
}: {
  answer: RecordList;
  selected: Set<string>;
  setSelected: (next: Set<string>) => void;
  selectable: boolean;
}) {
  const { t } = useTranslation();
  const lang = currentLang();
  const items = answer.items;
  const toggle = (numbers: string[], on: boolean) => {
    const next = new Set(selected);
    for (const n of numbers) {
      if (on) next.add(n);
      else next.delete(n);
    }
    setSelected(next);
  };
  const allOn = items.length > 0 && items.every((r) => selected.has(r.censusNumber));
  return (
    <Box
      sx={{
        overflowX: 'auto',
        border: 1,
        borderColor: 'divider',
        borderRadius: 1,
        bgcolor: 'background.paper',
      }}
    >
      <Table size="small" aria-label={t('records.title')}>
        <TableHead sx={{ '& th': { whiteSpace: 'nowrap', fontWeight: 600 } }}>
          <TableRow>
            {selectable ? (
              <TableCell padding="checkbox">
                <Checkbox
                  checked={allOn}
                  onChange={(e) =>
                    toggle(
                      items.map((r) => r.censusNumber),
                      e.target.checked,
                    )
                  }
                  slotProps={{ input: { 'aria-label': t('records.selectAll') } }}
                />
              </TableCell>
            ) : null}
            <TableCell>{t('records.censusNumber')}</TableCell>
            <TableCell>{t('records.titleAuthor')}</TableCell>
            <TableCell>{t('records.editionDate')}</TableCell>
            <TableCell>{t('records.type')}</TableCell>
            <TableCell>{t('records.institution')}</TableCell>
            <TableCell>{t('records.gradeDamage')}</TableCell>
            <TableCell>{t('records.status')}</TableCell>
            <TableCell>{t('records.tier')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {items.map((r) => (
            <TableRow key={r.censusNumber} data-key={r.censusNumber} hover>
              {selectable ? (
                <TableCell padding="checkbox">
                  <Checkbox
                    checked={selected.has(r.censusNumber)}
                    onChange={(e) => toggle([r.censusNumber], e.target.checked)}
                    slotProps={{
                      input: { 'aria-label': t('records.select', { title: `${r.censusNumber} ${r.title}` }) },
                    }}
                  />
                </TableCell>
              ) : null}
              <TableCell sx={{ whiteSpace: 'nowrap', fontFamily: 'monospace' }}>
                <Link href={recordHref(r.censusNumber)}>{r.censusNumber}</Link>
              </TableCell>
              <TableCell>
                <Box component="span" sx={{ display: 'block', fontWeight: 600 }}>
                  {r.title}
                </Box>
                {r.authors.length ? (
                  <Box
                    component="span"
                    sx={{ display: 'block', color: 'text.secondary', fontSize: '0.85rem' }}
                  >
                    {formatAuthors(r.authors)}
                  </Box>
                ) : null}
              </TableCell>
              <TableCell>
                {r.edition.text || t('records.dash')}
                {r.edition.display ? (
                  <Box
                    component="span"
                    sx={{ display: 'block', color: 'text.secondary', fontSize: '0.85rem' }}
                  >
                    {pickLabel(r.edition.display, lang)}
                  </Box>
                ) : null}
              </TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{pickLabel(r.typeLabel, lang)}</TableCell>
              <TableCell>{r.institutionName}</TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>
                {r.grade ?? t('records.dash')} / {r.damageGrade ?? t('records.dash')}
              </TableCell>
              <TableCell>
                <StatusChip status={r.status} label={r.statusLabel} />
              </TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{pickLabel(r.tierLabel, lang)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
}

export default function RecordsPage(_props: PageProps) {
  const { t } = useTranslation();
  const lang = currentLang();
  const queryClient = useQueryClient();
  const { search } = useLocation();
  const filters = Object.fromEntries(FILTERS.map((name) => [name, search.get(name) ?? ''])) as Filters;
  const page = Math.max(1, Number.parseInt(search.get('page') ?? '1', 10) || 1);
  const filterKey = JSON.stringify(filters);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [bulk, setBulk] = useState<{ answer: BulkAnswer; titles: Map<string, string> } | null>(null);

  const list = useQuery({
    queryKey: ['records', filters, page],
    queryFn: () =>
      call(() =>
        api.GET('/api/records', {
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

  const runBulk = useMutation({
    mutationFn: async (action: string) => {
      const censusNumbers = [...selected];
      const res = (await call(() =>
        api.POST(`/api/records/bulk/${action}` as '/api/records/bulk/submit', { body: { censusNumbers } }),
      )) as unknown as BulkAnswer;
      return res;
    },
    onSuccess: async (result) => {
      const titles = new Map((answer?.items ?? []).map((r) => [r.censusNumber, r.title]));
      setSelected(new Set());
      setBulk({ answer: result, titles });
      await queryClient.invalidateQueries({ queryKey: ['records'] });
    },
  });

  const hrefFor = (p: number) => {
    const query = new URLSearchParams(Object.entries(filters).filter(([, v]) => v));
    if (p > 1) query.set('page', String(p));
    return `/records${query.size ? `?${query}` : ''}`;
  };
  const pages = answer ? Math.max(1, Math.ceil(answer.total / answer.pageSize)) : 1;
  const bulkActions = answer?.bulkActions ?? [];

  return (
    <>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'baseline', gap: 1.5, mb: 1 }}>
        <Box sx={{ flex: 1 }}>
          <PageTitle title={t('records.title')}>{t('records.title')}</PageTitle>
        </Box>
        {answer?.mayCreate ? (
          <Button component={Link} href="/records/new" variant="contained">
            {t('records.new')}
          </Button>
        ) : null}
        {answer?.importInstitutionId ? (
          <Button
            component={Link}
            href={`/institutions/${encodeURIComponent(answer.importInstitutionId)}/imports`}
            variant="outlined"
          >
            {t('records.imports')}
          </Button>
        ) : null}
      </Box>
      <FiltersForm key={filterKey} filters={filters} error={list.error} />
      {bulk ? <BulkResult answer={bulk.answer} titles={bulk.titles} /> : null}
      {runBulk.error ? <ErrorAlert error={runBulk.error} /> : null}
      {list.error && fieldErrors(list.error, lang).size === 0 ? <ErrorAlert error={list.error} /> : null}
      {answer ? (
        <Box component="section" aria-labelledby="results-summary">
          <Typography variant="h2" id="results-summary" tabIndex={-1} sx={{ my: 1.5 }} aria-live="polite">
            {t('records.total', { total: answer.totalCapped ? `${answer.total}+` : answer.total })}
          </Typography>
          {answer.items.length === 0 ? (
            <Alert severity="info">{t('records.empty')}</Alert>
          ) : (
            <>
              {bulkActions.length ? (
                <Box
                  role="group"
                  aria-label={t('records.bulkGroup')}
                  sx={{ display: 'flex', alignItems: 'center', gap: 1.5, mb: 1, flexWrap: 'wrap' }}
                >
                  <Typography component="span" aria-live="polite" sx={{ color: 'text.secondary' }}>
                    {t('records.selected', { n: selected.size })}
                  </Typography>
                  {bulkActions.map((b) => (
                    <Button
                      key={b.action}
                      size="small"
                      variant="outlined"
                      disabled={runBulk.isPending || selected.size === 0}
                      onClick={() => runBulk.mutate(b.action)}
                    >
                      {t('records.bulkDo', { action: pickLabel(b.label, lang) })}
                    </Button>
                  ))}
                </Box>
              ) : null}
              <ResultsTable
                answer={answer}
                selected={selected}
                setSelected={setSelected}
                selectable={bulkActions.length > 0}
              />
              {pages > 1 ? (
                <Pagination
                  sx={{ mt: 2 }}
                  page={page}
                  count={pages}
                  renderItem={(item) => (
                    <PaginationItem
                      component={ItemLink}
                      href={hrefFor(item.page ?? 1)}
                      {...item}
                      aria-label={item.type === 'page' ? t('records.pageN', { n: item.page }) : undefined}
                    />
                  )}
                />
              ) : null}
            </>
          )}
        </Box>
      ) : list.isPending ? (
        <Typography role="status" sx={{ color: 'text.secondary' }}>
          {t('common.loading')}
        </Typography>
      ) : null}
    </>
  );
}

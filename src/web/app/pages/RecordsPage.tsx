// /records — the census records the user may see: filters and search kept in the URL, a page of
// rows (status by the server's label), bulk steps the server offers, 新建记录 and the import link
// only when the server says so.
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Paper from '@mui/material/Paper';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../api/client.js';
import { currentLang, pickLabel } from '../i18n/index.js';
import type { PageProps } from '../pages.js';
import { Link } from '../router.js';
import { ErrorAlert } from '../shell/ErrorAlert.js';
import { FilterForm, FilterSearch, FilterSelect, useFilterValues } from '../shell/FilterForm.js';
import { ListHeader, ResultsSection, type Column } from '../shell/ResultsTable.js';
import { useUrlList, type Filters } from '../shell/urlFilters.js';
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
type Row = RecordList['items'][number];

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

function FiltersForm({
  filters,
  active,
  error,
}: {
  filters: Filters<Filter>;
  active: boolean;
  error: unknown;
}) {
  const { t } = useTranslation();
  const lang = currentLang();
  const layout = useRecordFields();
  const lists = useCodeLists();
  const { values, field } = useFilterValues(filters);
  const problems = fieldErrors(error, lang);
  const choicesOf = (key: string) =>
    layout.data?.groups.flatMap((g) => g.fields).find((f) => f.key === key)?.choices ?? [];
  const text = (name: Filter, label: string, extra: { hint?: string; inputMode?: 'numeric' } = {}) => (
    <TextField
      id={`filter-${name}`}
      name={name}
      label={label}
      size="small"
      value={values[name]}
      onChange={(e) => field(name).onChange(e.target.value)}
      error={problems.has(name)}
      helperText={problems.get(name)?.join('；') ?? extra.hint}
      slotProps={{ htmlInput: { inputMode: extra.inputMode, maxLength: 200 } }}
    />
  );
  const select = (name: Filter, label: string, options: Array<{ value: string; label: string }>) => (
    <FilterSelect
      {...field(name)}
      label={label}
      allLabel={t('records.all')}
      options={options}
      problems={problems}
    />
  );
  const plain = (list: readonly string[]) => list.map((v) => ({ value: v, label: v }));
  return (
    <FilterForm
      ns="records"
      path="/records"
      query={() => Object.fromEntries(FILTERS.map((name) => [name, values[name].trim()]))}
      active={active}
      wideActions
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
      <FilterSearch
        {...field('q')}
        label={t('records.q')}
        hint={t('records.qHint')}
        problems={problems}
        wide
      />
    </FilterForm>
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

/** The list's columns; with bulk steps on offer, a first column of checkboxes to choose rows. */
function useColumns(
  items: readonly Row[],
  selected: Set<string>,
  setSelected: (next: Set<string>) => void,
  selectable: boolean,
): Array<Column<Row> | false> {
  const { t } = useTranslation();
  const lang = currentLang();
  const toggle = (numbers: string[], on: boolean) => {
    const next = new Set(selected);
    for (const n of numbers) {
      if (on) next.add(n);
      else next.delete(n);
    }
    setSelected(next);
  };
  const allOn = items.length > 0 && items.every((r) => selected.has(r.censusNumber));
  const secondLine = { display: 'block', color: 'text.secondary', fontSize: '0.85rem' } as const;
  return [
    selectable && {
      key: 'select',
      padding: 'checkbox',
      header: (
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
      ),
      cell: (r) => (
        <Checkbox
          checked={selected.has(r.censusNumber)}
          onChange={(e) => toggle([r.censusNumber], e.target.checked)}
          slotProps={{
            input: { 'aria-label': t('records.select', { title: `${r.censusNumber} ${r.title}` }) },
          }}
        />
      ),
    },
    {
      key: 'censusNumber',
      header: t('records.censusNumber'),
      nowrap: true,
      mono: true,
      cell: (r) => <Link href={recordHref(r.censusNumber)}>{r.censusNumber}</Link>,
    },
    {
      key: 'title',
      header: t('records.titleAuthor'),
      cell: (r) => (
        <>
          <Box component="span" sx={{ display: 'block', fontWeight: 600 }}>
            {r.title}
          </Box>
          {r.authors.length ? (
            <Box component="span" sx={secondLine}>
              {formatAuthors(r.authors)}
            </Box>
          ) : null}
        </>
      ),
    },
    {
      key: 'edition',
      header: t('records.editionDate'),
      cell: (r) => (
        <>
          {r.edition.text || t('records.dash')}
          {r.edition.display ? (
            <Box component="span" sx={secondLine}>
              {pickLabel(r.edition.display, lang)}
            </Box>
          ) : null}
        </>
      ),
    },
    { key: 'type', header: t('records.type'), nowrap: true, cell: (r) => pickLabel(r.typeLabel, lang) },
    { key: 'institution', header: t('records.institution'), cell: (r) => r.institutionName },
    {
      key: 'grade',
      header: t('records.gradeDamage'),
      nowrap: true,
      cell: (r) => `${r.grade ?? t('records.dash')} / ${r.damageGrade ?? t('records.dash')}`,
    },
    {
      key: 'status',
      header: t('records.status'),
      cell: (r) => <StatusChip status={r.status} label={r.statusLabel} />,
    },
    { key: 'tier', header: t('records.tier'), nowrap: true, cell: (r) => pickLabel(r.tierLabel, lang) },
  ];
}

export default function RecordsPage(_props: PageProps) {
  const { t } = useTranslation();
  const lang = currentLang();
  const queryClient = useQueryClient();
  const { filters, active, hrefFor, list } = useUrlList('/records', FILTERS, PAGE_SIZE, (query) =>
    api.GET('/api/records', { params: { query } }),
  );
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [bulk, setBulk] = useState<{ answer: BulkAnswer; titles: Map<string, string> } | null>(null);

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

  const bulkActions = answer?.bulkActions ?? [];
  const columns = useColumns(answer?.items ?? [], selected, setSelected, bulkActions.length > 0);

  return (
    <>
      <ListHeader ns="records" create={answer?.mayCreate ? '/records/new' : null}>
        {answer?.importInstitutionId ? (
          <Button
            component={Link}
            href={`/institutions/${encodeURIComponent(answer.importInstitutionId)}/imports`}
            variant="outlined"
          >
            {t('records.imports')}
          </Button>
        ) : null}
      </ListHeader>
      <FiltersForm key={JSON.stringify(filters)} filters={filters} active={active} error={list.error} />
      {bulk ? <BulkResult answer={bulk.answer} titles={bulk.titles} /> : null}
      {runBulk.error ? <ErrorAlert error={runBulk.error} /> : null}
      {list.error && fieldErrors(list.error, lang).size === 0 ? <ErrorAlert error={list.error} /> : null}
      <ResultsSection
        list={list}
        ns="records"
        summary={t('records.total', {
          total: answer ? (answer.totalCapped ? `${answer.total}+` : answer.total) : 0,
        })}
        hrefFor={hrefFor}
        columns={columns}
        rowKey={(r) => r.censusNumber}
        above={
          bulkActions.length ? (
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
          ) : null
        }
      />
    </>
  );
}

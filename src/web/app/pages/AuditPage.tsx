// /audit — the audit log for administrators: who did what to which thing, when. People by name, the
// service itself said as such, actions and entity types by the server's labels (no codes); filters
// by entity, person and time kept in the address; before/after of each change on demand.
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.js';
import type { paths } from '../api/openapi.js';
import { currentLang, pickLabel } from '../i18n/index.js';
import type { PageProps } from '../pages.js';
import { fieldErrors } from '../records/fieldErrors.js';
import { Link, navigate } from '../router.js';
import { DateTime } from '../shell/DateTime.js';
import { ErrorAlert } from '../shell/ErrorAlert.js';
import { FilterForm, FilterSelect, useFilterValues } from '../shell/FilterForm.js';
import { PageTitle } from '../shell/PageTitle.js';
import { ResultsSection, type Column } from '../shell/ResultsTable.js';
import { useUrlList, type Filters } from '../shell/urlFilters.js';

type AuditAnswer = paths['/api/audit']['get']['responses']['200']['content']['application/json'];
type Entry = AuditAnswer['items'][number];

const PAGE_SIZE = 50;
const FILTERS = ['entityType', 'entityId', 'actorId', 'from', 'to'] as const;
type AuditFilters = Filters<(typeof FILTERS)[number]>;
/** The filters with a field of their own (their errors are shown there). */
const SHOWN = new Set(['entityType', 'entityId', 'from', 'to']);

/** datetime-local value (local time) → ISO string with offset; '' when empty or invalid. */
function toIso(local: string): string {
  if (!local) return '';
  const date = new Date(local);
  return Number.isNaN(date.getTime()) ? '' : date.toISOString();
}

/** ISO string → datetime-local value in local time. */
function toLocalInput(iso: string): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

function FiltersForm({
  filters,
  active,
  entityTypes,
  error,
}: {
  filters: AuditFilters;
  active: boolean;
  entityTypes: AuditAnswer['entityTypes'];
  error: unknown;
}) {
  const { t } = useTranslation();
  const lang = currentLang();
  const { values, field } = useFilterValues({
    ...filters,
    from: toLocalInput(filters.from),
    to: toLocalInput(filters.to),
  });
  const problems = fieldErrors(error, lang);
  const text = (name: 'entityId' | 'from' | 'to', label: string, type = 'text') => (
    <TextField
      id={`filter-${name}`}
      name={name}
      label={label}
      size="small"
      type={type}
      value={values[name]}
      onChange={(e) => field(name).onChange(e.target.value)}
      error={problems.has(name)}
      helperText={problems.get(name)?.join('；')}
      slotProps={{ inputLabel: { shrink: true }, htmlInput: { maxLength: 64 } }}
    />
  );
  return (
    <FilterForm
      ns="audit"
      path="/audit"
      query={() => ({
        entityType: values.entityType,
        entityId: values.entityId.trim(),
        actorId: filters.actorId,
        from: toIso(values.from),
        to: toIso(values.to),
      })}
      active={active}
      wideActions
    >
      <FilterSelect
        {...field('entityType')}
        label={t('audit.entityType')}
        allLabel={t('audit.all')}
        options={entityTypes.map((o) => ({ value: o.value, label: pickLabel(o.label, lang) }))}
        problems={problems}
      />
      {text('entityId', t('audit.entityId'))}
      {text('from', t('audit.from'), 'datetime-local')}
      {text('to', t('audit.to'), 'datetime-local')}
    </FilterForm>
  );
}

/** What the entry changed: each field by its name, before → after by the server's labels. */
function Changes({ entry }: { entry: Entry }) {
  const { t } = useTranslation();
  const lang = currentLang();
  if (!entry.changes.length) return <>{t('audit.dash')}</>;
  const value = (label: Entry['changes'][number]['before']) =>
    label ? pickLabel(label, lang) : t('audit.dash');
  return (
    <details className="audit-changes">
      <summary>{t('audit.show')}</summary>
      <Table
        size="small"
        aria-label={t('audit.changes')}
        sx={{ mt: 1, '& td, & th': { px: 1, verticalAlign: 'top' } }}
      >
        <TableHead sx={{ '& th': { whiteSpace: 'nowrap' } }}>
          <TableRow>
            <TableCell component="th">{t('audit.field')}</TableCell>
            <TableCell component="th">{t('audit.before')}</TableCell>
            <TableCell component="th">{t('audit.after')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {entry.changes.map((c) => (
            <TableRow key={c.field} data-field={c.field}>
              <TableCell component="th" scope="row" sx={{ whiteSpace: 'nowrap', fontWeight: 600 }}>
                {pickLabel(c.label, lang)}
              </TableCell>
              <TableCell sx={{ color: 'text.secondary', whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
                {value(c.before)}
              </TableCell>
              <TableCell sx={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>{value(c.after)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </details>
  );
}

function Entity({ entry }: { entry: Entry }) {
  const lang = currentLang();
  const type = pickLabel(entry.entityTypeLabel, lang);
  const name = entry.entityName ?? entry.entityId;
  const href =
    entry.entityType === 'institution'
      ? `/institutions/${encodeURIComponent(entry.entityId)}`
      : entry.entityType === 'census_record'
        ? `/records/${encodeURIComponent(entry.entityId)}`
        : null;
  return (
    <>
      {type}{' '}
      {href ? (
        <Link href={href}>{name}</Link>
      ) : (
        <Box
          component="span"
          sx={{ fontFamily: entry.entityName ? undefined : 'monospace', wordBreak: 'break-all' }}
        >
          {name}
        </Box>
      )}
    </>
  );
}

export default function AuditPage(_props: PageProps) {
  const { t } = useTranslation();
  const lang = currentLang();
  const { filters, active, hrefFor, list } = useUrlList('/audit', FILTERS, PAGE_SIZE, (query) =>
    api.GET('/api/audit', { params: { query } }),
  );
  const answer = list.data;
  // The person filtered by, by name (from the entries of that person).
  const [actorName, setActorName] = useState<string | null>(null);
  useEffect(() => {
    const first = answer?.items.find((e) => e.actorId === filters.actorId);
    if (first) setActorName(pickLabel(first.actorLabel, lang));
  }, [answer, filters.actorId, lang]);
  const problems = fieldErrors(list.error, lang);
  const columns: Array<Column<Entry>> = [
    { key: 'at', header: t('audit.at'), nowrap: true, cell: (e) => <DateTime iso={e.at} /> },
    {
      key: 'actor',
      header: t('audit.actor'),
      cell: (e) =>
        e.actorId ? (
          <Link
            href={hrefFor(1, { actorId: e.actorId })}
            title={t('audit.onlyPerson', { name: pickLabel(e.actorLabel, lang) })}
          >
            {pickLabel(e.actorLabel, lang)}
          </Link>
        ) : (
          pickLabel(e.actorLabel, lang)
        ),
    },
    { key: 'action', header: t('audit.action'), cell: (e) => pickLabel(e.actionLabel, lang) },
    { key: 'entity', header: t('audit.entity'), cell: (e) => <Entity entry={e} /> },
    { key: 'changes', header: t('audit.changes'), cell: (e) => <Changes entry={e} /> },
  ];

  return (
    <>
      <PageTitle title={t('audit.title')}>{t('audit.title')}</PageTitle>
      <Typography sx={{ color: 'text.secondary', mb: 2 }}>{t('audit.intro')}</Typography>
      <FiltersForm
        key={JSON.stringify(filters)}
        filters={filters}
        active={active}
        entityTypes={answer?.entityTypes ?? []}
        error={list.error}
      />
      {filters.actorId ? (
        <Chip
          sx={{ mb: 2 }}
          label={t('audit.byPerson', { name: actorName ?? t('audit.somePerson') })}
          onDelete={() => navigate(hrefFor(1, { actorId: '' }))}
        />
      ) : null}
      {list.error && [...problems.keys()].every((k) => SHOWN.has(k)) === false ? (
        <ErrorAlert error={list.error} />
      ) : list.error && problems.size === 0 ? (
        <ErrorAlert error={list.error} />
      ) : null}
      <ResultsSection list={list} ns="audit" hrefFor={hrefFor} columns={columns} rowKey={(e) => e.id} />
    </>
  );
}

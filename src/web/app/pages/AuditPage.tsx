// /audit — the audit log for administrators: who did what to which thing, when. People by name, the
// service itself said as such, actions and entity types by the server's labels (no codes); filters
// by entity, person and time kept in the address; before/after of each change on demand.
import Alert from '@mui/material/Alert';
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
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../api/client.js';
import type { paths } from '../api/openapi.js';
import { currentLang, pickLabel } from '../i18n/index.js';
import type { PageProps } from '../pages.js';
import { fieldErrors } from '../records/fieldErrors.js';
import { Link, navigate, useLocation } from '../router.js';
import { DateTime } from '../shell/DateTime.js';
import { ErrorAlert } from '../shell/ErrorAlert.js';
import { ListPager, listQuery } from '../shell/ListPager.js';
import { PageTitle } from '../shell/PageTitle.js';

type AuditAnswer = paths['/api/audit']['get']['responses']['200']['content']['application/json'];
type Entry = AuditAnswer['items'][number];

const PAGE_SIZE = 50;
const FILTERS = ['entityType', 'entityId', 'actorId', 'from', 'to'] as const;
type Filters = Record<(typeof FILTERS)[number], string>;
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
  entityTypes,
  error,
}: {
  filters: Filters;
  entityTypes: AuditAnswer['entityTypes'];
  error: unknown;
}) {
  const { t } = useTranslation();
  const lang = currentLang();
  const [values, setValues] = useState({
    ...filters,
    from: toLocalInput(filters.from),
    to: toLocalInput(filters.to),
  });
  const problems = fieldErrors(error, lang);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    navigate(
      `/audit${listQuery({
        entityType: values.entityType,
        entityId: values.entityId.trim(),
        actorId: filters.actorId,
        from: toIso(values.from),
        to: toIso(values.to),
      })}`,
    );
  };
  const text = (name: 'entityId' | 'from' | 'to', label: string, type = 'text') => (
    <TextField
      id={`filter-${name}`}
      name={name}
      label={label}
      size="small"
      type={type}
      value={values[name]}
      onChange={(e) => setValues({ ...values, [name]: e.target.value })}
      error={problems.has(name)}
      helperText={problems.get(name)?.join('；')}
      slotProps={{ inputLabel: { shrink: true }, htmlInput: { maxLength: 64 } }}
    />
  );
  return (
    <Paper
      component="form"
      variant="outlined"
      role="search"
      aria-label={t('audit.filters')}
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
        id="filter-entityType"
        name="entityType"
        label={t('audit.entityType')}
        size="small"
        value={values.entityType}
        onChange={(e) => setValues({ ...values, entityType: e.target.value })}
        error={problems.has('entityType')}
        helperText={problems.get('entityType')?.join('；')}
      >
        <MenuItem value="">{t('audit.all')}</MenuItem>
        {entityTypes.map((o) => (
          <MenuItem key={o.value} value={o.value}>
            {pickLabel(o.label, lang)}
          </MenuItem>
        ))}
      </TextField>
      {text('entityId', t('audit.entityId'))}
      {text('from', t('audit.from'), 'datetime-local')}
      {text('to', t('audit.to'), 'datetime-local')}
      <Box sx={{ display: 'flex', gap: 1, gridColumn: { sm: 'span 2' } }}>
        <Button type="submit" variant="contained">
          {t('audit.search')}
        </Button>
        {Object.values(filters).some(Boolean) ? (
          <Button component={Link} href="/audit">
            {t('audit.clear')}
          </Button>
        ) : null}
      </Box>
    </Paper>
  );
}

function Changes({ entry }: { entry: Entry }) {
  const { t } = useTranslation();
  if (!entry.before && !entry.after) return <>{t('audit.dash')}</>;
  const block = (title: string, data: Record<string, unknown> | null) =>
    data ? (
      <>
        <Typography variant="h3" sx={{ fontSize: '0.85rem', mt: 1 }}>
          {title}
        </Typography>
        <Box
          component="pre"
          sx={{ m: 0, fontSize: '0.8rem', whiteSpace: 'pre-wrap', wordBreak: 'break-all', maxWidth: '28rem' }}
        >
          {JSON.stringify(data, null, 2)}
        </Box>
      </>
    ) : null;
  return (
    <details>
      <summary>{t('audit.show')}</summary>
      {block(t('audit.before'), entry.before)}
      {block(t('audit.after'), entry.after)}
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
  const { search } = useLocation();
  const filters = Object.fromEntries(FILTERS.map((n) => [n, search.get(n) ?? ''])) as Filters;
  const page = Math.max(1, Number.parseInt(search.get('page') ?? '1', 10) || 1);
  const list = useQuery({
    queryKey: ['audit', filters, page],
    queryFn: () =>
      call(() =>
        api.GET('/api/audit', {
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
  // The person filtered by, by name (from the entries of that person).
  const [actorName, setActorName] = useState<string | null>(null);
  useEffect(() => {
    const first = answer?.items.find((e) => e.actorId === filters.actorId);
    if (first) setActorName(pickLabel(first.actorLabel, lang));
  }, [answer, filters.actorId, lang]);
  const problems = fieldErrors(list.error, lang);

  return (
    <>
      <PageTitle title={t('audit.title')}>{t('audit.title')}</PageTitle>
      <Typography sx={{ color: 'text.secondary', mb: 2 }}>{t('audit.intro')}</Typography>
      <FiltersForm
        key={JSON.stringify(filters)}
        filters={filters}
        entityTypes={answer?.entityTypes ?? []}
        error={list.error}
      />
      {filters.actorId ? (
        <Chip
          sx={{ mb: 2 }}
          label={t('audit.byPerson', { name: actorName ?? t('audit.somePerson') })}
          onDelete={() => navigate(`/audit${listQuery({ ...filters, actorId: '' })}`)}
        />
      ) : null}
      {list.error && [...problems.keys()].every((k) => SHOWN.has(k)) === false ? (
        <ErrorAlert error={list.error} />
      ) : list.error && problems.size === 0 ? (
        <ErrorAlert error={list.error} />
      ) : null}
      {answer ? (
        <Box component="section" aria-labelledby="results-summary">
          <Typography variant="h2" id="results-summary" tabIndex={-1} sx={{ my: 1.5 }} aria-live="polite">
            {t('audit.total', { total: answer.total })}
          </Typography>
          {answer.items.length === 0 ? (
            <Alert severity="info">{t('audit.empty')}</Alert>
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
              <Table size="small" aria-label={t('audit.title')}>
                <TableHead sx={{ '& th': { whiteSpace: 'nowrap', fontWeight: 600 } }}>
                  <TableRow>
                    <TableCell>{t('audit.at')}</TableCell>
                    <TableCell>{t('audit.actor')}</TableCell>
                    <TableCell>{t('audit.action')}</TableCell>
                    <TableCell>{t('audit.entity')}</TableCell>
                    <TableCell>{t('audit.changes')}</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {answer.items.map((e) => (
                    <TableRow key={e.id} data-key={e.id} hover>
                      <TableCell sx={{ whiteSpace: 'nowrap' }}>
                        <DateTime iso={e.at} />
                      </TableCell>
                      <TableCell>
                        {e.actorId ? (
                          <Link
                            href={`/audit${listQuery({ ...filters, actorId: e.actorId })}`}
                            title={t('audit.onlyPerson', { name: pickLabel(e.actorLabel, lang) })}
                          >
                            {pickLabel(e.actorLabel, lang)}
                          </Link>
                        ) : (
                          pickLabel(e.actorLabel, lang)
                        )}
                      </TableCell>
                      <TableCell>{pickLabel(e.actionLabel, lang)}</TableCell>
                      <TableCell>
                        <Entity entry={e} />
                      </TableCell>
                      <TableCell>
                        <Changes entry={e} />
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
            hrefFor={(p) => `/audit${listQuery(filters, p)}`}
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

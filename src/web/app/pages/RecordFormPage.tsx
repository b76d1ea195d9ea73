// /records/new and /records/:censusNumber/edit — the census record form, drawn from the server's
// field layout for the chosen type (古籍 / 民国文献): the edition date derived live as the statement
// is typed (GET /api/edition-date, the rules the save uses), code-list fields searchable, the
// reviewer's comments beside the fields of a returned record, and every problem the server finds
// shown at once next to its field. Nothing is checked twice in the browser.
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Autocomplete from '@mui/material/Autocomplete';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import FormControlLabel from '@mui/material/FormControlLabel';
import Paper from '@mui/material/Paper';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, call } from '../api/client.js';
import { currentLang, pickLabel, type Lang } from '../i18n/index.js';
import type { PageProps } from '../pages.js';
import { Link, navigate } from '../router.js';
import { ErrorAlert } from '../shell/ErrorAlert.js';
import { PageTitle } from '../shell/PageTitle.js';
import { colors } from '../theme.js';
import { fieldErrors } from '../records/fieldErrors.js';
import { RecordFieldInput, type FormValue, type RowValue } from '../records/RecordFieldInput.js';
import { commentField, FieldComments, ReturnNotice } from '../records/ReturnNotice.js';
import {
  appliesTo,
  labelFor,
  recordHref,
  recordKey,
  savedWarningsKey,
  useCodeLists,
  useRecord,
  useRecordFields,
  type Field,
  type RecordFields,
  type RecordJson,
} from '../records/recordData.js';

type Values = Record<string, FormValue>;

function allFields(layout: RecordFields): Field[] {
  return layout.groups.flatMap((g) => g.fields).filter((f) => f.input !== 'editionDate');
}

/** The form's values of a stored record (or of a new one). */
function initialValues(layout: RecordFields, record: RecordJson | null): Values {
  const values: Values = {};
  const stored = (record ?? {}) as Record<string, unknown>;
  for (const f of allFields(layout)) {
    const v = f.key === 'edition' ? record?.edition.text : stored[f.key];
    if (f.input === 'rows') {
      const rows = (v as Array<Record<string, unknown>> | undefined) ?? [];
      values[f.key] = (rows.length || f.key !== 'authors' ? rows : [{}]).map((row) =>
        Object.fromEntries(
          (f.items ?? []).map((i) => [
            i.key,
            i.input === 'checkbox' ? Boolean(row[i.key]) : String(row[i.key] ?? ''),
          ]),
        ),
      ) as RowValue[];
    } else if (f.input === 'size') {
      const size = v as { height: number; width: number } | null | undefined;
      values[f.key] = { height: size ? String(size.height) : '', width: size ? String(size.width) : '' };
    } else if (f.input === 'lines') values[f.key] = ((v as string[] | undefined) ?? []).join('\n');
    else values[f.key] = v === null || v === undefined ? '' : String(v);
  }
  return values;
}

/** A typed number when the text is one; otherwise the text itself, for the server to refuse by name. */
function numberOr(text: string): number | string {
  const n = Number(text);
  return text.trim() !== '' && Number.isFinite(n) ? n : text;
}

function bodyValue(f: Field, value: FormValue): unknown {
  switch (f.input) {
    case 'rows':
      return (value as RowValue[])
        .filter((row) => Object.values(row).some((v) => v !== '' && v !== false))
        .map((row) =>
          Object.fromEntries(
            (f.items ?? []).map((i) => {
              const v = row[i.key];
              if (i.input === 'checkbox') return [i.key, Boolean(v)];
              const text = String(v ?? '').trim();
              if (i.input === 'decimal' && text) return [i.key, numberOr(text)];
              return [i.key, text === '' && !i.required ? null : text];
            }),
          ),
        );
    case 'size': {
      const { height, width } = value as { height: string; width: string };
      if (!height.trim() && !width.trim()) return null;
      return { height: numberOr(height.trim()), width: numberOr(width.trim()) };
    }
    case 'lines':
      return (value as string)
        .split(/\n+/)
        .map((s) => s.trim())
        .filter(Boolean);
    case 'integer':
    case 'decimal': {
      const text = (value as string).trim();
      return text === '' ? null : numberOr(text);
    }
    default: {
      const text = (value as string).trim();
      if (text !== '') return text;
      return f.empty === 'text' ? '' : f.empty === 'default' ? undefined : null;
    }
  }
}

/** The body of a save: every field of the type (new), or only those changed (edit). */
function buildBody(layout: RecordFields, type: string, values: Values, before: Values | null) {
  const body: Record<string, unknown> = {};
  for (const f of allFields(layout)) {
    if (!appliesTo(f, type) || !layout.groups.some((g) => g.fields.includes(f) && appliesTo(g, type)))
      continue;
    if (before && JSON.stringify(values[f.key]) === JSON.stringify(before[f.key])) continue;
    const v = bodyValue(f, values[f.key] ?? '');
    if (v !== undefined) body[f.key] = v;
  }
  return body;
}

function EditionDatePreview({ text, type, hint }: { text: string; type: string; hint: string }) {
  const { t } = useTranslation();
  const lang = currentLang();
  const [debounced, setDebounced] = useState(text);
  useEffect(() => {
    const timer = window.setTimeout(() => setDebounced(text), 250);
    return () => window.clearTimeout(timer);
  }, [text]);
  const q = debounced.trim();
  const answer = useQuery({
    queryKey: ['edition-date', q, type, hint],
    queryFn: () =>
      call(() =>
        api.GET('/api/edition-date', {
          params: { query: { text: q, type: type as 'guji', ...(hint ? { dynastyHint: hint } : {}) } },
        }),
      ),
    enabled: q !== '',
    staleTime: Infinity,
  });
  const pending = text.trim() !== q || (q !== '' && answer.isPending);
  let state = 'empty';
  let shown = t('form.dateEmpty');
  if (pending) {
    state = 'pending';
    shown = t('form.dateChecking');
  } else if (q && answer.data) {
    const d = answer.data;
    const pick = (m: { messageZh: string; messageEn: string }) => (lang === 'en' ? m.messageEn : m.messageZh);
    if (!d.ok && d.error) {
      state = 'error';
      shown = pick(d.error);
    } else {
      const parts = [
        d.display ? pickLabel(d.display, lang) : t('form.dateNone'),
        ...(d.laterDisplay?.length
          ? [t('form.dateLater', { dates: d.laterDisplay.map((l) => pickLabel(l, lang)).join('、') })]
          : []),
        ...(d.warnings ?? []).map(pick),
      ];
      state = d.display ? 'ok' : 'none';
      shown = parts.join(lang === 'en' ? ' · ' : '；');
    }
  }
  return (
    <Box sx={{ mt: -0.5 }}>
      <Typography
        id="edition-date-label"
        component="span"
        sx={{ color: 'text.secondary', fontSize: '0.85rem' }}
      >
        {t('form.dateLabel')}
      </Typography>
      <Box
        component="output"
        aria-labelledby="edition-date-label"
        aria-live="polite"
        className="derived-date"
        data-state={state}
        sx={{
          display: 'block',
          p: '0.4rem 0.6rem',
          borderRadius: 1,
          border: `1px solid ${state === 'error' ? colors.error : colors.line}`,
          color: state === 'error' ? colors.error : state === 'ok' ? colors.ok : 'text.secondary',
          background: colors.surface,
        }}
      >
        {shown}
      </Box>
    </Box>
  );
}

function Summary({
  errors,
  layout,
  type,
  lang,
}: {
  errors: Map<string, string[]>;
  layout: RecordFields;
  type: string;
  lang: Lang;
}) {
  const { t } = useTranslation();
  const labelOf = (path: string) => {
    const top = /^[A-Za-z]+/.exec(path)?.[0] ?? path;
    const f = allFields(layout).find((x) => x.key === top);
    return f ? labelFor(f, type, lang) : path;
  };
  return (
    <Alert severity="error" role="alert" sx={{ mb: 2 }} id="form-errors" tabIndex={-1}>
      <AlertTitle>{t('form.errorsTitle', { n: [...errors.values()].flat().length })}</AlertTitle>
      <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
        {[...errors.entries()].flatMap(([path, messages]) =>
          messages.map((m, i) => (
            <li key={`${path}-${i}`}>
              {path ? (
                <a href={`#f-${path.replace(/[[\].]+/g, '-').replace(/-$/, '')}`}>{labelOf(path)}</a>
              ) : null}
              {path ? '：' : ''}
              {m}
            </li>
          )),
        )}
      </Box>
    </Alert>
  );
}

function RecordForm({
  me,
  record,
  layout,
}: {
  me: PageProps['me'];
  record: RecordJson | null;
  layout: RecordFields;
}) {
  const { t } = useTranslation();
  const lang = currentLang();
  const queryClient = useQueryClient();
  const lists = useCodeLists();
  const editing = record !== null;
  const [type, setType] = useState<string>(record?.type ?? 'guji');
  const before = useMemo(() => (record ? initialValues(layout, record) : null), [layout, record]);
  const [values, setValues] = useState<Values>(() => initialValues(layout, record));
  const [reason, setReason] = useState('');
  const [institution, setInstitution] = useState<{ id: string; label: string } | null>(
    me.user.institutionId ? { id: me.user.institutionId, label: me.user.institutionName ?? '' } : null,
  );
  const institutions = useQuery({
    queryKey: ['institutions-for-records'],
    queryFn: () => call(() => api.GET('/api/institutions', { params: { query: { pageSize: 200 } } })),
    enabled: !editing && !me.user.institutionId,
  });
  const comments = record?.lastReturn?.comments ?? [];

  const save = useMutation({
    mutationFn: async () => {
      const body = buildBody(layout, type, values, before);
      if (record) {
        return call(() =>
          api.PATCH('/api/records/{censusNumber}', {
            params: { path: { censusNumber: record.censusNumber } },
            body: {
              ...(body as object),
              version: record.version,
              ...(record.abilities.editNeedsReason ? { reason: reason.trim() } : {}),
            } as never,
          }),
        );
      }
      return call(() =>
        api.POST('/api/records', {
          body: { type, institutionId: institution?.id ?? '', ...body } as never,
        }),
      );
    },
    onSuccess: async (saved) => {
      const answer = saved as unknown as { censusNumber: string; warnings?: unknown[] };
      queryClient.setQueryData(savedWarningsKey(answer.censusNumber), answer.warnings ?? []);
      await queryClient.invalidateQueries({ queryKey: recordKey(answer.censusNumber) });
      await queryClient.invalidateQueries({ queryKey: ['records'] });
      navigate(`${recordHref(answer.censusNumber)}?saved=${editing ? 'updated' : 'created'}`);
    },
  });
  const errors = fieldErrors(save.error, lang);
  // Focus moves to the list of problems once per failed save.
  const failure = save.error;
  useEffect(() => {
    if (failure)
      document
        .getElementById(document.getElementById('form-errors') ? 'form-errors' : 'form-failure')
        ?.focus();
  }, [failure]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  const set = (key: string) => (v: FormValue) => setValues((old) => ({ ...old, [key]: v }));
  const authors = values.authors as RowValue[] | undefined;
  const dynastyHint = String(authors?.[0]?.dynasty ?? '').trim();

  return (
    <Box
      component="form"
      noValidate
      onSubmit={submit}
      aria-label={t(editing ? 'form.editTitle' : 'form.newTitle')}
    >
      {record?.lastReturn ? <ReturnNotice lastReturn={record.lastReturn} /> : null}
      {errors.size ? <Summary errors={errors} layout={layout} type={type} lang={lang} /> : null}
      {save.error && !errors.size ? (
        <div id="form-failure" tabIndex={-1}>
          <ErrorAlert error={save.error} />
        </div>
      ) : null}
      {!editing ? (
        <Paper variant="outlined" sx={{ p: 2, mb: 2 }} component="fieldset">
          <Typography component="legend" variant="h2" sx={{ px: 0.5 }}>
            {t('form.typeAndInstitution')}
          </Typography>
          <RadioGroup
            row
            name="type"
            value={type}
            onChange={(e) => setType(e.target.value)}
            aria-label={t('form.type')}
          >
            {layout.types.map((o) => (
              <FormControlLabel
                key={o.value}
                value={o.value}
                control={<Radio />}
                label={pickLabel(o.label, lang)}
              />
            ))}
          </RadioGroup>
          <Typography sx={{ color: 'text.secondary', fontSize: '0.85rem', mb: 1.5 }}>
            {t('form.typeHint')}
          </Typography>
          {me.user.institutionId ? (
            <Typography>
              {t('form.institution')}：{me.user.institutionName}
            </Typography>
          ) : (
            <Autocomplete
              id="f-institutionId"
              options={(institutions.data?.items ?? []).map((i) => ({
                id: i.id,
                label: `${i.name}（${i.fullCode}）`,
              }))}
              value={institution}
              onChange={(_e, v) => setInstitution(v)}
              isOptionEqualToValue={(a, b) => a.id === b.id}
              renderInput={(params) => (
                <TextField
                  {...params}
                  label={t('form.institution')}
                  required
                  error={errors.has('institutionId')}
                  helperText={errors.get('institutionId')?.join('；')}
                />
              )}
            />
          )}
        </Paper>
      ) : null}
      {layout.groups
        .filter((g) => appliesTo(g, type))
        .map((group) => (
          <Paper
            key={group.key}
            variant="outlined"
            component="fieldset"
            sx={{ p: { xs: 1.5, sm: 2.5 }, mb: 2, minWidth: 0 }}
          >
            <Typography component="legend" variant="h2" sx={{ px: 0.5 }}>
              {labelFor(group, type, lang)}
            </Typography>
            <Box
              sx={{
                display: 'grid',
                gap: 2,
                gridTemplateColumns: { xs: '1fr', md: 'repeat(2, 1fr)' },
                alignItems: 'start',
              }}
            >
              {group.fields
                .filter((f) => appliesTo(f, type))
                .map((f) => {
                  const wide =
                    ['rows', 'textarea', 'lines', 'editionDate'].includes(f.input) ||
                    f.key === 'edition' ||
                    f.key === 'title';
                  const aside = (
                    <FieldComments comments={comments.filter((c) => commentField(c.field) === f.key)} />
                  );
                  return (
                    <Box key={f.key} sx={{ gridColumn: wide ? { md: 'span 2' } : undefined, minWidth: 0 }}>
                      {f.input === 'editionDate' ? (
                        <EditionDatePreview
                          text={String(values.edition ?? '')}
                          type={type}
                          hint={dynastyHint}
                        />
                      ) : (
                        <RecordFieldInput
                          field={f}
                          type={type}
                          value={values[f.key] ?? ''}
                          onChange={set(f.key)}
                          errors={errors}
                          lists={lists.data}
                          aside={aside}
                        />
                      )}
                    </Box>
                  );
                })}
            </Box>
          </Paper>
        ))}
      {record?.abilities.editNeedsReason ? (
        <Paper variant="outlined" sx={{ p: 2, mb: 2 }}>
          <TextField
            id="f-reason"
            name="reason"
            label={t('form.reason')}
            required
            multiline
            minRows={2}
            fullWidth
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            error={errors.has('reason')}
            helperText={errors.get('reason')?.join('；') ?? t('form.reasonHint')}
          />
        </Paper>
      ) : null}
      <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
        <Button type="submit" variant="contained" size="large" disabled={save.isPending}>
          {t(editing ? 'form.saveChanges' : 'form.create')}
        </Button>
        <Button component={Link} href={record ? recordHref(record.censusNumber) : '/records'} size="large">
          {t('record.cancel')}
        </Button>
      </Box>
    </Box>
  );
}

function EditPage({
  me,
  censusNumber,
  layout,
}: {
  me: PageProps['me'];
  censusNumber: string;
  layout: RecordFields;
}) {
  const { t } = useTranslation();
  const lang = currentLang();
  const record = useRecord(censusNumber);
  if (record.error) {
    if (record.error instanceof ApiError && record.error.status === 404)
      return (
        <>
          <PageTitle title={t('common.notFoundTitle')}>{t('common.notFoundTitle')}</PageTitle>
          <Typography>{t('record.notFound')}</Typography>
        </>
      );
    return <ErrorAlert error={record.error} />;
  }
  if (!record.data) return <Typography role="status">{t('common.loading')}</Typography>;
  const r = record.data;
  return (
    <>
      <Box component="nav" aria-label={t('record.breadcrumb')} sx={{ mb: 1, fontSize: '0.9rem' }}>
        <Link href={recordHref(r.censusNumber)}>{r.title}</Link>
      </Box>
      <PageTitle title={`${t('form.editTitle')} ${r.censusNumber}`}>{t('form.editTitle')}</PageTitle>
      <Typography sx={{ color: 'text.secondary', mb: 2 }}>
        {r.censusNumber} · {pickLabel(r.typeLabel, lang)} · {pickLabel(r.statusLabel, lang)}
      </Typography>
      {r.abilities.edit ? (
        <RecordForm key={r.version} me={me} record={r} layout={layout} />
      ) : (
        <Alert severity="warning">{t('form.locked', { status: pickLabel(r.statusLabel, lang) })}</Alert>
      )}
    </>
  );
}

export default function RecordFormPage({ me, params }: PageProps) {
  const { t } = useTranslation();
  const layout = useRecordFields();
  if (layout.error) return <ErrorAlert error={layout.error} />;
  if (!layout.data) return <Typography role="status">{t('common.loading')}</Typography>;
  if (params.censusNumber)
    return <EditPage me={me} censusNumber={params.censusNumber} layout={layout.data} />;
  return (
    <>
      <Box component="nav" aria-label={t('record.breadcrumb')} sx={{ mb: 1, fontSize: '0.9rem' }}>
        <Link href="/records">{t('records.title')}</Link>
      </Box>
      <PageTitle title={t('form.newTitle')}>{t('form.newTitle')}</PageTitle>
      <RecordForm me={me} record={null} layout={layout.data} />
    </>
  );
}

// /code-lists — the census code lists (document type, script, edition type, binding, classification…)
// for administrators to read and, when the server says they may, to maintain: add a value, rename it
// (the old spelling stays an alias and in the history), retire or re-activate it. Never deleted.
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../api/client.js';
import type { paths } from '../api/openapi.js';
import { currentLang, pickLabel } from '../i18n/index.js';
import type { PageProps } from '../pages.js';
import { fieldErrors } from '../records/fieldErrors.js';
import { formatDateTime } from '../shell/DateTime.js';
import { ErrorAlert, useErrorMessage } from '../shell/ErrorAlert.js';
import { PageTitle } from '../shell/PageTitle.js';

type Lists = paths['/api/code-lists']['get']['responses']['200']['content']['application/json'];
type List = Lists['items'][number];
type Value = List['values'][number];
type Change = { value?: string; active?: boolean };

const KEY = ['code-lists'] as const;

function useListChange(list: List, onDone: (message: string) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ value, change }: { value: Value; change: Change; message: string }) =>
      call(() =>
        api.PATCH('/api/code-lists/{name}/values/{id}', {
          params: { path: { name: list.name, id: value.id } },
          body: change,
        }),
      ),
    onSuccess: async (_answer, { message }) => {
      onDone(message);
      await queryClient.invalidateQueries({ queryKey: KEY });
    },
  });
}

function ValueActions({
  list,
  value,
  onDone,
}: {
  list: List;
  value: Value;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState(value.value);
  const change = useListChange(list, onDone);
  const rename = (event: FormEvent) => {
    event.preventDefault();
    const next = name.trim();
    if (!next || next === value.value) return;
    change.mutate({ value, change: { value: next }, message: t('codeLists.renamed', { value: next }) });
  };
  const problems = fieldErrors(change.error, currentLang());
  const message = useErrorMessage();
  return (
    <Box>
      <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', alignItems: 'center' }}>
        <Box component="form" onSubmit={rename} noValidate sx={{ display: 'flex', gap: 1 }}>
          <TextField
            size="small"
            value={name}
            onChange={(e) => setName(e.target.value)}
            error={Boolean(change.error)}
            slotProps={{
              htmlInput: { maxLength: 64, 'aria-label': t('codeLists.newName', { value: value.value }) },
            }}
            sx={{ width: '9rem' }}
          />
          <Button type="submit" size="small" variant="outlined" disabled={change.isPending}>
            {t('codeLists.rename')}
          </Button>
        </Box>
        <Button
          size="small"
          variant="outlined"
          disabled={change.isPending}
          onClick={() =>
            change.mutate({
              value,
              change: { active: !value.active },
              message: t(value.active ? 'codeLists.retiredDone' : 'codeLists.reactivated', {
                value: value.value,
              }),
            })
          }
        >
          {value.active ? t('codeLists.retire') : t('codeLists.reactivate')}
        </Button>
      </Box>
      {change.error ? (
        <Typography role="alert" sx={{ color: 'error.main', fontSize: '0.85rem', mt: 0.5 }}>
          {problems.get('value')?.join('；') ?? message(change.error)}
        </Typography>
      ) : null}
    </Box>
  );
}

function AddForm({ list, onDone }: { list: List; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const lang = currentLang();
  const queryClient = useQueryClient();
  const [value, setValue] = useState('');
  const [missing, setMissing] = useState(false);
  const add = useMutation({
    mutationFn: (v: string) =>
      call(() =>
        api.POST('/api/code-lists/{name}/values', {
          params: { path: { name: list.name } },
          body: { value: v },
        }),
      ),
    onSuccess: async (_answer, v) => {
      setValue('');
      onDone(t('codeLists.added', { value: v }));
      await queryClient.invalidateQueries({ queryKey: KEY });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!value.trim()) {
      setMissing(true);
      return;
    }
    add.mutate(value.trim());
  };
  const problems = fieldErrors(add.error, lang);
  const error = missing ? t('codeLists.required') : problems.get('value')?.join('；');
  return (
    <Box
      component="form"
      onSubmit={submit}
      noValidate
      sx={{ display: 'flex', gap: 1, alignItems: 'flex-start', mt: 2 }}
    >
      <TextField
        id={`add-${list.name}`}
        size="small"
        label={t('codeLists.addTo', { list: pickLabel({ zh: list.labelZh, en: list.labelEn }, lang) })}
        value={value}
        onChange={(e) => {
          setValue(e.target.value);
          setMissing(false);
          add.reset();
        }}
        error={Boolean(error)}
        helperText={error}
        slotProps={{ htmlInput: { maxLength: 64 } }}
      />
      <Button type="submit" variant="contained" disabled={add.isPending}>
        {t('codeLists.add')}
      </Button>
      {add.error && !problems.has('value') ? <ErrorAlert error={add.error} /> : null}
    </Box>
  );
}

function ListSection({ list, editable }: { list: List; editable: boolean }) {
  const { t } = useTranslation();
  const lang = currentLang();
  const [done, setDone] = useState<string | null>(null);
  const title = pickLabel({ zh: list.labelZh, en: list.labelEn }, lang);
  return (
    <Paper
      component="section"
      variant="outlined"
      aria-labelledby={`cl-${list.name}`}
      data-list={list.name}
      sx={{ p: 2, mb: 2 }}
    >
      <Typography variant="h2" id={`cl-${list.name}`} sx={{ mb: 1 }}>
        {title}{' '}
        <Box component="span" sx={{ color: 'text.secondary', fontSize: '0.9rem' }}>
          {t('codeLists.count', { n: list.values.length })}
        </Box>
      </Typography>
      {done ? (
        <Alert severity="success" role="status" sx={{ mb: 1 }} onClose={() => setDone(null)}>
          {done}
        </Alert>
      ) : null}
      <Box sx={{ overflowX: 'auto' }}>
        <Table size="small" aria-label={title}>
          <TableHead sx={{ '& th': { whiteSpace: 'nowrap', fontWeight: 600 } }}>
            <TableRow>
              <TableCell>{t('codeLists.value')}</TableCell>
              <TableCell>{t('codeLists.aliases')}</TableCell>
              <TableCell>{t('codeLists.state')}</TableCell>
              <TableCell>{t('codeLists.history')}</TableCell>
              {editable ? <TableCell>{t('codeLists.actions')}</TableCell> : null}
            </TableRow>
          </TableHead>
          <TableBody>
            {list.values.map((v) => (
              <TableRow key={v.id} data-key={v.id}>
                <TableCell>{v.value}</TableCell>
                <TableCell>{v.aliases.length ? v.aliases.join('、') : t('audit.dash')}</TableCell>
                <TableCell>
                  <Chip
                    size="small"
                    color={v.active ? 'success' : 'default'}
                    variant="outlined"
                    label={v.active ? t('codeLists.active') : t('codeLists.retired')}
                  />
                </TableCell>
                <TableCell>
                  {v.history.length ? (
                    <Box component="ul" sx={{ m: 0, pl: 2 }}>
                      {v.history.map((h, i) => (
                        <li key={i}>
                          {t('codeLists.renameLine', { at: formatDateTime(h.at), from: h.from, to: h.to })}
                        </li>
                      ))}
                    </Box>
                  ) : (
                    t('audit.dash')
                  )}
                </TableCell>
                {editable ? (
                  <TableCell>
                    <ValueActions key={`${v.value}-${v.active}`} list={list} value={v} onDone={setDone} />
                  </TableCell>
                ) : null}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Box>
      {editable ? <AddForm list={list} onDone={setDone} /> : null}
    </Paper>
  );
}

export default function CodeListsPage(_props: PageProps) {
  const { t } = useTranslation();
  const lists = useQuery({ queryKey: KEY, queryFn: () => call(() => api.GET('/api/code-lists')) });
  return (
    <>
      <PageTitle title={t('codeLists.title')}>{t('codeLists.title')}</PageTitle>
      <Typography sx={{ color: 'text.secondary', mb: 1 }}>{t('codeLists.intro')}</Typography>
      {lists.data && !lists.data.mayEdit ? (
        <Typography sx={{ color: 'text.secondary', mb: 2 }}>{t('codeLists.readOnly')}</Typography>
      ) : null}
      {lists.error ? <ErrorAlert error={lists.error} /> : null}
      {lists.isPending ? (
        <Typography role="status" sx={{ color: 'text.secondary' }}>
          {t('common.loading')}
        </Typography>
      ) : null}
      {lists.data?.items.map((list) => (
        <ListSection key={list.name} list={list} editable={lists.data.mayEdit} />
      ))}
    </>
  );
}

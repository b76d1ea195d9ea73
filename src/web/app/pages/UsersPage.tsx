// /users — the accounts an administrator manages: filters in the address, people by display name,
// role and scope by their labels, and per account only what the server says this administrator may
// do with it (disable/enable, reset the password, change the role).
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../api/client.js';
import type { paths } from '../api/openapi.js';
import { currentLang, pickLabel } from '../i18n/index.js';
import type { PageProps } from '../pages.js';
import { fieldErrors } from '../records/fieldErrors.js';
import { Link, navigate, useLocation } from '../router.js';
import { ErrorAlert } from '../shell/ErrorAlert.js';
import { ListPager, listQuery } from '../shell/ListPager.js';
import { PageTitle } from '../shell/PageTitle.js';
import { takeFlash, type Flash } from '../shell/flash.js';
import {
  RoleScopeFields,
  scopeBody,
  useRoleChoices,
  type RoleChoices,
  type RoleScope,
} from '../admin/RoleScopeFields.js';

type UserList = paths['/api/users']['get']['responses']['200']['content']['application/json'];
type Account = UserList['items'][number];

const PAGE_SIZE = 20;
const FILTERS = ['provinceCode', 'role', 'q'] as const;
type Filters = Record<(typeof FILTERS)[number], string>;

function FiltersForm({ filters, choices }: { filters: Filters; choices: RoleChoices | undefined }) {
  const { t } = useTranslation();
  const lang = currentLang();
  const [values, setValues] = useState(filters);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    navigate(`/users${listQuery({ ...values, q: values.q.trim() })}`);
  };
  const select = (
    name: 'provinceCode' | 'role',
    label: string,
    options: Array<{ value: string; label: string }>,
  ) => (
    <TextField
      select
      id={`filter-${name}`}
      name={name}
      label={label}
      size="small"
      value={values[name]}
      onChange={(e) => setValues({ ...values, [name]: e.target.value })}
    >
      <MenuItem value="">{t('users.all')}</MenuItem>
      {options.map((o) => (
        <MenuItem key={o.value} value={o.value}>
          {o.label}
        </MenuItem>
      ))}
    </TextField>
  );
  return (
    <Paper
      component="form"
      variant="outlined"
      role="search"
      aria-label={t('users.filters')}
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
      {choices && choices.provinces.length > 1
        ? select(
            'provinceCode',
            t('users.province'),
            choices.provinces.map((p) => ({ value: p.code, label: pickLabel(p.label, lang) })),
          )
        : null}
      {select(
        'role',
        t('users.role'),
        (choices?.roles ?? []).map((r) => ({ value: r.role, label: pickLabel(r.label, lang) })),
      )}
      <TextField
        id="filter-q"
        name="q"
        type="search"
        label={t('users.q')}
        size="small"
        value={values.q}
        onChange={(e) => setValues({ ...values, q: e.target.value })}
        helperText={t('users.qHint')}
        slotProps={{ htmlInput: { maxLength: 100 } }}
      />
      <Box sx={{ display: 'flex', gap: 1, alignItems: 'flex-start' }}>
        <Button type="submit" variant="contained">
          {t('users.search')}
        </Button>
        {Object.values(filters).some(Boolean) ? (
          <Button component={Link} href="/users">
            {t('users.clear')}
          </Button>
        ) : null}
      </Box>
    </Paper>
  );
}

function useAccountChange(onDone: (message: string) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ account, body }: { account: Account; body: Record<string, unknown>; message: string }) =>
      call(() =>
        api.PATCH('/api/users/{id}', {
          params: { path: { id: account.id } },
          body: { ...body, version: account.version },
        }),
      ),
    onSuccess: async (_answer, { message }) => {
      onDone(message);
      await queryClient.invalidateQueries({ queryKey: ['users'] });
    },
  });
}

function ResetDialog({
  account,
  onClose,
  onDone,
}: {
  account: Account;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const change = useAccountChange((message) => {
    onDone(message);
    onClose();
  });
  const problems = fieldErrors(change.error, currentLang());
  const submit = (event: FormEvent) => {
    event.preventDefault();
    change.mutate({
      account,
      body: { password },
      message: t('users.passwordReset', { name: account.displayName }),
    });
  };
  return (
    <Dialog
      open
      onClose={change.isPending ? undefined : onClose}
      aria-labelledby="reset-title"
      fullWidth
      maxWidth="sm"
    >
      <form onSubmit={submit} noValidate>
        <DialogTitle id="reset-title">{t('users.resetTitle', { name: account.displayName })}</DialogTitle>
        <DialogContent>
          <Typography sx={{ color: 'text.secondary', mb: 2 }}>{t('users.resetIntro')}</Typography>
          <TextField
            id="reset-password"
            type="password"
            label={t('users.newPassword')}
            autoComplete="new-password"
            required
            fullWidth
            autoFocus
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            error={problems.has('password')}
            helperText={problems.get('password')?.join('；') ?? t('users.passwordHint')}
          />
          {change.error && !problems.has('password') ? <ErrorAlert error={change.error} /> : null}
        </DialogContent>
        <DialogActions sx={{ px: 3, pb: 2 }}>
          <Button onClick={onClose} disabled={change.isPending}>
            {t('users.cancel')}
          </Button>
          <Button type="submit" variant="contained" disabled={change.isPending}>
            {t('users.resetPassword')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}

function RoleDialog({
  account,
  choices,
  onClose,
  onDone,
}: {
  account: Account;
  choices: RoleChoices;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const lang = currentLang();
  const [value, setValue] = useState<RoleScope>({
    role: account.role,
    institutionProvince: account.institutionId ? (account.provinceCode ?? '') : '',
    institutionId: account.institutionId ?? '',
    provinceCode: account.institutionId ? '' : (account.provinceCode ?? ''),
  });
  const change = useAccountChange((message) => {
    onDone(message);
    onClose();
  });
  const problems = fieldErrors(change.error, lang);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const role = choices.roles.find((r) => r.role === value.role);
    change.mutate({
      account,
      body: scopeBody(choices, value),
      message: t('users.roleChanged', {
        name: account.displayName,
        role: role ? pickLabel(role.label, lang) : '',
      }),
    });
  };
  return (
    <Dialog
      open
      onClose={change.isPending ? undefined : onClose}
      aria-labelledby="role-title"
      fullWidth
      maxWidth="sm"
    >
      <form onSubmit={submit} noValidate>
        <DialogTitle id="role-title">{t('users.roleTitle', { name: account.displayName })}</DialogTitle>
        <DialogContent sx={{ display: 'grid', gap: 2, pt: '8px !important' }}>
          <RoleScopeFields
            choices={choices}
            value={value}
            onChange={setValue}
            problems={problems}
            idPrefix="change-"
          />
          {change.error &&
          ![...problems.keys()].some((k) => ['role', 'institutionId', 'provinceCode'].includes(k)) ? (
            <ErrorAlert error={change.error} />
          ) : null}
        </DialogContent>
        <DialogActions sx={{ px: 3, pb: 2 }}>
          <Button onClick={onClose} disabled={change.isPending}>
            {t('users.cancel')}
          </Button>
          <Button type="submit" variant="contained" disabled={change.isPending}>
            {t('users.changeRole')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}

function Scope({ account }: { account: Account }) {
  const { t } = useTranslation();
  if (account.institutionId)
    return (
      <Link href={`/institutions/${encodeURIComponent(account.institutionId)}`}>
        {account.institutionName}
      </Link>
    );
  if (account.provinceLabel) return <>{pickLabel(account.provinceLabel, currentLang())}</>;
  return <>{t('users.nationwide')}</>;
}

export default function UsersPage({ me }: PageProps) {
  const { t } = useTranslation();
  const lang = currentLang();
  const { search } = useLocation();
  const filters = Object.fromEntries(FILTERS.map((n) => [n, search.get(n) ?? ''])) as Filters;
  const page = Math.max(1, Number.parseInt(search.get('page') ?? '1', 10) || 1);
  const choices = useRoleChoices();
  const [done, setDone] = useState<string | null>(null);
  const [flash, setFlashState] = useState<Flash | null>(takeFlash);
  const [dialog, setDialog] = useState<{ kind: 'reset' | 'role'; account: Account } | null>(null);
  const list = useQuery({
    queryKey: ['users', filters, page],
    queryFn: () =>
      call(() =>
        api.GET('/api/users', {
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
  const toggle = useAccountChange(setDone);
  const answer = list.data;

  return (
    <>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'baseline', gap: 1.5, mb: 1 }}>
        <Box sx={{ flex: 1 }}>
          <PageTitle title={t('users.title')}>{t('users.title')}</PageTitle>
        </Box>
        {answer?.mayCreate ? (
          <Button component={Link} href="/users/new" variant="contained">
            {t('users.new')}
          </Button>
        ) : null}
      </Box>
      <FiltersForm key={JSON.stringify(filters)} filters={filters} choices={choices.data} />
      {flash ? (
        <Alert severity="success" role="status" sx={{ mb: 2 }} onClose={() => setFlashState(null)}>
          {(t as (key: string, values?: Record<string, string>) => string)(flash.key, flash.values)}
        </Alert>
      ) : null}
      {done ? (
        <Alert severity="success" role="status" sx={{ mb: 2 }} onClose={() => setDone(null)}>
          {done}
        </Alert>
      ) : null}
      {toggle.error ? <ErrorAlert error={toggle.error} /> : null}
      {list.error ? <ErrorAlert error={list.error} /> : null}
      {answer ? (
        <Box component="section" aria-labelledby="results-summary">
          <Typography variant="h2" id="results-summary" tabIndex={-1} sx={{ my: 1.5 }} aria-live="polite">
            {t('users.total', { total: answer.total })}
          </Typography>
          {answer.items.length === 0 ? (
            <Alert severity="info">{t('users.empty')}</Alert>
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
              <Table size="small" aria-label={t('users.title')}>
                <TableHead sx={{ '& th': { whiteSpace: 'nowrap', fontWeight: 600 } }}>
                  <TableRow>
                    <TableCell>{t('users.displayName')}</TableCell>
                    <TableCell>{t('users.role')}</TableCell>
                    <TableCell>{t('users.scope')}</TableCell>
                    <TableCell>{t('users.status')}</TableCell>
                    <TableCell>{t('users.actions')}</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {answer.items.map((u) => (
                    <TableRow key={u.id} data-key={u.id} hover>
                      <TableCell>
                        <Box component="span" sx={{ display: 'block', fontWeight: 600 }}>
                          {u.displayName}
                          {u.id === me.user.id ? ` ${t('users.you')}` : ''}
                        </Box>
                        <Box
                          component="span"
                          sx={{
                            display: 'block',
                            color: 'text.secondary',
                            fontSize: '0.85rem',
                            wordBreak: 'break-all',
                          }}
                        >
                          {u.email}
                        </Box>
                      </TableCell>
                      <TableCell sx={{ whiteSpace: 'nowrap' }}>{pickLabel(u.roleLabel, lang)}</TableCell>
                      <TableCell>
                        <Scope account={u} />
                      </TableCell>
                      <TableCell>
                        <Chip
                          size="small"
                          variant="outlined"
                          color={u.active ? 'success' : 'default'}
                          label={u.active ? t('users.active') : t('users.inactive')}
                        />
                      </TableCell>
                      <TableCell>
                        <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
                          {u.abilities.setActive ? (
                            <Button
                              size="small"
                              variant="outlined"
                              disabled={toggle.isPending}
                              aria-label={`${u.active ? t('users.deactivate') : t('users.activate')} ${u.displayName}`}
                              onClick={() =>
                                toggle.mutate({
                                  account: u,
                                  body: { active: !u.active },
                                  message: t(u.active ? 'users.deactivated' : 'users.activated', {
                                    name: u.displayName,
                                  }),
                                })
                              }
                            >
                              {u.active ? t('users.deactivate') : t('users.activate')}
                            </Button>
                          ) : null}
                          {u.abilities.changeRole && choices.data ? (
                            <Button
                              size="small"
                              variant="outlined"
                              aria-label={`${t('users.changeRole')} ${u.displayName}`}
                              onClick={() => setDialog({ kind: 'role', account: u })}
                            >
                              {t('users.changeRole')}
                            </Button>
                          ) : null}
                          {u.abilities.resetPassword ? (
                            <Button
                              size="small"
                              variant="outlined"
                              aria-label={`${t('users.resetPassword')} ${u.displayName}`}
                              onClick={() => setDialog({ kind: 'reset', account: u })}
                            >
                              {t('users.resetPassword')}
                            </Button>
                          ) : null}
                          {!u.abilities.setActive && !u.abilities.changeRole && !u.abilities.resetPassword
                            ? t('audit.dash')
                            : null}
                        </Box>
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
            hrefFor={(p) => `/users${listQuery(filters, p)}`}
          />
        </Box>
      ) : list.isPending ? (
        <Typography role="status" sx={{ color: 'text.secondary' }}>
          {t('common.loading')}
        </Typography>
      ) : null}
      {dialog?.kind === 'reset' ? (
        <ResetDialog account={dialog.account} onClose={() => setDialog(null)} onDone={setDone} />
      ) : null}
      {dialog?.kind === 'role' && choices.data ? (
        <RoleDialog
          account={dialog.account}
          choices={choices.data}
          onClose={() => setDialog(null)}
          onDone={setDone}
        />
      ) : null}
    </>
  );
}

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
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent, type ReactNode } from 'react';
import type { SxProps, Theme } from '@mui/material/styles';
import { useTranslation } from 'react-i18next';
import { api, call } from '../api/client.js';
import type { paths } from '../api/openapi.js';
import { currentLang, pickLabel } from '../i18n/index.js';
import type { PageProps } from '../pages.js';
import { fieldErrors } from '../records/fieldErrors.js';
import { Link } from '../router.js';
import { ErrorAlert } from '../shell/ErrorAlert.js';
import { FilterForm, FilterSearch, FilterSelect, useFilterValues } from '../shell/FilterForm.js';
import { ListHeader, ResultsSection, type Column } from '../shell/ResultsTable.js';
import { takeFlash, type Flash } from '../shell/flash.js';
import { useUrlList, type Filters } from '../shell/urlFilters.js';
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

function FiltersForm({
  filters,
  active,
  choices,
}: {
  filters: Filters<(typeof FILTERS)[number]>;
  active: boolean;
  choices: RoleChoices | undefined;
}) {
  const { t } = useTranslation();
  const lang = currentLang();
  const { values, field } = useFilterValues(filters);
  return (
    <FilterForm ns="users" path="/users" query={() => ({ ...values, q: values.q.trim() })} active={active}>
      {choices && choices.provinces.length > 1 ? (
        <FilterSelect
          {...field('provinceCode')}
          label={t('users.province')}
          allLabel={t('users.all')}
          options={choices.provinces.map((p) => ({ value: p.code, label: pickLabel(p.label, lang) }))}
        />
      ) : null}
      <FilterSelect
        {...field('role')}
        label={t('users.role')}
        allLabel={t('users.all')}
        options={(choices?.roles ?? []).map((r) => ({ value: r.role, label: pickLabel(r.label, lang) }))}
      />
      <FilterSearch {...field('q')} label={t('users.q')} hint={t('users.qHint')} maxLength={100} />
    </FilterForm>
  );
}

/** A change to an account; told its message when done (and then `then`, e.g. closing a dialog). */
function useAccountChange(onDone: (message: string) => void, then?: () => void) {
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
      then?.();
      await queryClient.invalidateQueries({ queryKey: ['users'] });
    },
  });
}

/**
 * One change to an account in a dialog: its title, fields, the change's problems, 取消 and the
 * change's button — held while the change is under way; told the change is done, it closes.
 */
function AccountDialog({
  id,
  title,
  submitLabel,
  change,
  onSubmit,
  onClose,
  contentSx,
  children,
}: {
  id: string;
  title: string;
  submitLabel: string;
  change: { isPending: boolean };
  onSubmit: () => void;
  onClose: () => void;
  contentSx?: SxProps<Theme>;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <Dialog
      open
      onClose={change.isPending ? undefined : onClose}
      aria-labelledby={id}
      fullWidth
      maxWidth="sm"
    >
      <form onSubmit={submit} noValidate>
        <DialogTitle id={id}>{title}</DialogTitle>
        <DialogContent sx={contentSx}>{children}</DialogContent>
        <DialogActions sx={{ px: 3, pb: 2 }}>
          <Button onClick={onClose} disabled={change.isPending}>
            {t('users.cancel')}
          </Button>
          <Button type="submit" variant="contained" disabled={change.isPending}>
            {submitLabel}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
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
  const change = useAccountChange(onDone, onClose);
  const problems = fieldErrors(change.error, currentLang());
  return (
    <AccountDialog
      id="reset-title"
      title={t('users.resetTitle', { name: account.displayName })}
      submitLabel={t('users.resetPassword')}
      change={change}
      onClose={onClose}
      onSubmit={() =>
        change.mutate({
          account,
          body: { password },
          message: t('users.passwordReset', { name: account.displayName }),
        })
      }
    >
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
    </AccountDialog>
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
  const change = useAccountChange(onDone, onClose);
  const problems = fieldErrors(change.error, lang);
  const role = choices.roles.find((r) => r.role === value.role);
  return (
    <AccountDialog
      id="role-title"
      title={t('users.roleTitle', { name: account.displayName })}
      submitLabel={t('users.changeRole')}
      change={change}
      onClose={onClose}
      contentSx={{ display: 'grid', gap: 2, pt: '8px !important' }}
      onSubmit={() =>
        change.mutate({
          account,
          body: scopeBody(choices, value),
          message: t('users.roleChanged', {
            name: account.displayName,
            role: role ? pickLabel(role.label, lang) : '',
          }),
        })
      }
    >
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
    </AccountDialog>
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

/** What the administrator may do with one account (only what the server offers). */
function AccountActions({
  account: u,
  toggle,
  mayChangeRole,
  onDialog,
}: {
  account: Account;
  toggle: ReturnType<typeof useAccountChange>;
  mayChangeRole: boolean;
  onDialog: (kind: 'reset' | 'role') => void;
}) {
  const { t } = useTranslation();
  // Only the steps the server offers for this account, each named with the person for screen readers.
  const offered = [
    u.abilities.setActive && {
      label: u.active ? t('users.deactivate') : t('users.activate'),
      busy: toggle.isPending,
      run: () =>
        toggle.mutate({
          account: u,
          body: { active: !u.active },
          message: t(u.active ? 'users.deactivated' : 'users.activated', { name: u.displayName }),
        }),
    },
    u.abilities.changeRole && mayChangeRole && { label: t('users.changeRole'), run: () => onDialog('role') },
    u.abilities.resetPassword && { label: t('users.resetPassword'), run: () => onDialog('reset') },
  ].filter((a) => a !== false);
  return (
    <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
      {offered.map((a) => (
        <Button
          key={a.label}
          size="small"
          variant="outlined"
          disabled={a.busy}
          aria-label={`${a.label} ${u.displayName}`}
          onClick={a.run}
        >
          {a.label}
        </Button>
      ))}
      {!u.abilities.setActive && !u.abilities.changeRole && !u.abilities.resetPassword
        ? t('audit.dash')
        : null}
    </Box>
  );
}

export default function UsersPage({ me }: PageProps) {
  const { t } = useTranslation();
  const lang = currentLang();
  const { filters, active, hrefFor, list } = useUrlList('/users', FILTERS, PAGE_SIZE, (query) =>
    api.GET('/api/users', { params: { query } }),
  );
  const choices = useRoleChoices();
  const [done, setDone] = useState<string | null>(null);
  const [flash, setFlashState] = useState<Flash | null>(takeFlash);
  const [dialog, setDialog] = useState<{ kind: 'reset' | 'role'; account: Account } | null>(null);
  const toggle = useAccountChange(setDone);
  const answer = list.data;
  const columns: Array<Column<Account>> = [
    {
      key: 'name',
      header: t('users.displayName'),
      cell: (u) => (
        <>
          <Box component="span" sx={{ display: 'block', fontWeight: 600 }}>
            {u.displayName}
            {u.id === me.user.id ? ` ${t('users.you')}` : ''}
          </Box>
          <Box
            component="span"
            sx={{ display: 'block', color: 'text.secondary', fontSize: '0.85rem', wordBreak: 'break-all' }}
          >
            {u.email}
          </Box>
        </>
      ),
    },
    { key: 'role', header: t('users.role'), nowrap: true, cell: (u) => pickLabel(u.roleLabel, lang) },
    { key: 'scope', header: t('users.scope'), cell: (u) => <Scope account={u} /> },
    {
      key: 'status',
      header: t('users.status'),
      cell: (u) => (
        <Chip
          size="small"
          variant="outlined"
          color={u.active ? 'success' : 'default'}
          label={u.active ? t('users.active') : t('users.inactive')}
        />
      ),
    },
    {
      key: 'actions',
      header: t('users.actions'),
      cell: (u) => (
        <AccountActions
          account={u}
          toggle={toggle}
          mayChangeRole={Boolean(choices.data)}
          onDialog={(kind) => setDialog({ kind, account: u })}
        />
      ),
    },
  ];

  return (
    <>
      <ListHeader ns="users" create={answer?.mayCreate ? '/users/new' : null} />
      <FiltersForm key={JSON.stringify(filters)} filters={filters} active={active} choices={choices.data} />
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
      <ResultsSection list={list} ns="users" hrefFor={hrefFor} columns={columns} rowKey={(u) => u.id} />
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

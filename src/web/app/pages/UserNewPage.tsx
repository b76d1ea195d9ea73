// /users/new — create an account: e-mail, the person's name, a first password, and the role with
// what it belongs to (roles and provinces this administrator may hand out come from the server).
// ?institutionId=… pre-fills the institution (the link from an institution's staff list). Every
// problem the server finds is shown at once under its field.
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../api/client.js';
import { currentLang } from '../i18n/index.js';
import type { PageProps } from '../pages.js';
import { fieldErrors } from '../records/fieldErrors.js';
import { Link, navigate, useLocation } from '../router.js';
import { ErrorAlert } from '../shell/ErrorAlert.js';
import { setFlash } from '../shell/flash.js';
import { PageTitle } from '../shell/PageTitle.js';
import { RoleScopeFields, scopeBody, useRoleChoices, type RoleScope } from '../admin/RoleScopeFields.js';

const SCOPE_FIELDS = new Set(['email', 'displayName', 'password', 'role', 'institutionId', 'provinceCode']);

export default function UserNewPage(_props: PageProps) {
  const { t } = useTranslation();
  const lang = currentLang();
  const { search } = useLocation();
  const presetId = search.get('institutionId');
  const choices = useRoleChoices();
  const preset = useQuery({
    queryKey: ['institution', presetId],
    enabled: Boolean(presetId),
    queryFn: () => call(() => api.GET('/api/institutions/{id}', { params: { path: { id: presetId! } } })),
  });
  const [account, setAccount] = useState({ email: '', displayName: '', password: '' });
  const [scope, setScope] = useState<RoleScope>({
    role: '',
    institutionProvince: '',
    institutionId: '',
    provinceCode: '',
  });
  // One province to choose from (a provincial administrator's): chosen already.
  useEffect(() => {
    const only = choices.data?.provinces.length === 1 ? choices.data.provinces[0]!.code : '';
    const inst = preset.data;
    setScope((s) => ({
      ...s,
      role: s.role || (inst && choices.data?.roles.some((r) => r.role === 'cataloguer') ? 'cataloguer' : ''),
      institutionProvince: s.institutionProvince || inst?.provinceCode || only,
      institutionId: s.institutionId || inst?.id || '',
      provinceCode: s.provinceCode || only,
    }));
  }, [choices.data, preset.data]);

  const create = useMutation({
    mutationFn: () =>
      call(() =>
        api.POST('/api/users', {
          body: {
            email: account.email.trim(),
            displayName: account.displayName.trim(),
            password: account.password,
            ...scopeBody(choices.data, scope),
          },
        }),
      ),
    onSuccess: (created) => {
      setFlash('users.created', { name: created.displayName });
      navigate(`/users?q=${encodeURIComponent(created.email)}`);
    },
  });
  const problems = fieldErrors(create.error, lang);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  const text = (
    name: 'email' | 'displayName' | 'password',
    label: string,
    extra: { type?: string; hint?: string; autoComplete?: string; maxLength?: number } = {},
  ) => (
    <TextField
      id={name}
      name={name}
      label={label}
      required
      type={extra.type ?? 'text'}
      autoComplete={extra.autoComplete ?? 'off'}
      value={account[name]}
      onChange={(e) => setAccount({ ...account, [name]: e.target.value })}
      error={problems.has(name)}
      helperText={problems.get(name)?.join('；') ?? extra.hint}
      slotProps={{ htmlInput: { maxLength: extra.maxLength ?? 200, spellCheck: false } }}
    />
  );
  const problemCount = [...problems.values()].reduce((n, list) => n + list.length, 0);
  return (
    <>
      <Box component="nav" aria-label={t('users.breadcrumb')} sx={{ mb: 1 }}>
        {preset.data ? (
          <Link href={`/institutions/${encodeURIComponent(preset.data.id)}`}>{preset.data.name}</Link>
        ) : (
          <Link href="/users">{t('users.title')}</Link>
        )}
      </Box>
      <PageTitle title={t('users.createTitle')}>{t('users.createTitle')}</PageTitle>
      <Paper
        component="form"
        variant="outlined"
        noValidate
        onSubmit={submit}
        sx={{ p: { xs: 2, sm: 3 }, maxWidth: '40rem' }}
      >
        {create.error && problemCount ? (
          <Typography role="alert" sx={{ color: 'error.main', mb: 2, fontWeight: 600 }}>
            {t('users.errorsTitle', { n: problemCount })}
          </Typography>
        ) : null}
        {create.error && [...problems.keys()].some((k) => !SCOPE_FIELDS.has(k)) ? (
          <ErrorAlert error={create.error} />
        ) : create.error && !problemCount ? (
          <ErrorAlert error={create.error} />
        ) : null}
        <Box component="fieldset" sx={{ border: 0, p: 0, m: 0, display: 'grid', gap: 2 }}>
          <Typography component="legend" variant="h2" sx={{ mb: 1 }}>
            {t('users.account')}
          </Typography>
          {text('email', t('users.email'), { type: 'email', maxLength: 254 })}
          {text('displayName', t('users.displayName'), { maxLength: 100, hint: t('users.displayNameHint') })}
          {text('password', t('users.password'), {
            type: 'password',
            hint: t('users.passwordHint'),
            autoComplete: 'new-password',
          })}
        </Box>
        <Box component="fieldset" sx={{ border: 0, p: 0, m: 0, mt: 3, display: 'grid', gap: 2 }}>
          <Typography component="legend" variant="h2" sx={{ mb: 1 }}>
            {t('users.scopeFieldset')}
          </Typography>
          {choices.data ? (
            <RoleScopeFields choices={choices.data} value={scope} onChange={setScope} problems={problems} />
          ) : choices.error ? (
            <ErrorAlert error={choices.error} />
          ) : (
            <Typography role="status">{t('common.loading')}</Typography>
          )}
        </Box>
        <Box sx={{ display: 'flex', gap: 1, mt: 3 }}>
          <Button type="submit" variant="contained" disabled={create.isPending}>
            {t('users.create')}
          </Button>
          <Button component={Link} href="/users">
            {t('users.cancel')}
          </Button>
        </Box>
      </Paper>
    </>
  );
}

// /account — my profile, changing my password, and my personal API tokens (a new token's secret is
// shown once). The token states and what may be done with each come from the server.
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
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../api/client.js';
import type { paths } from '../api/openapi.js';
import { currentLang, pickLabel } from '../i18n/index.js';
import type { PageProps } from '../pages.js';
import { fieldErrors } from '../records/fieldErrors.js';
import { DateTime } from '../shell/DateTime.js';
import { ErrorAlert } from '../shell/ErrorAlert.js';
import { PageTitle } from '../shell/PageTitle.js';
import { DetailsList } from '../shell/DetailsList.js';

type Created = paths['/api/auth/tokens']['post']['responses']['201']['content']['application/json'];

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Paper component="section" variant="outlined" aria-labelledby={id} sx={{ p: { xs: 2, sm: 3 }, mb: 2 }}>
      <Typography variant="h2" id={id} tabIndex={-1} sx={{ mb: 1.5 }}>
        {title}
      </Typography>
      {children}
    </Paper>
  );
}

function Profile({ me }: { me: PageProps['me'] }) {
  const { t } = useTranslation();
  const lang = currentLang();
  const rows: Array<[string, string | null]> = [
    [t('users.displayName'), me.user.displayName],
    [t('users.email'), me.user.email],
    [t('users.role'), pickLabel(me.user.roleLabel, lang)],
    [t('account.institution'), me.user.institutionName],
    [t('account.province'), me.user.provinceLabel ? pickLabel(me.user.provinceLabel, lang) : null],
  ];
  return <DetailsList rows={rows} />;
}

function PasswordForm() {
  const { t } = useTranslation();
  const empty = { currentPassword: '', newPassword: '', confirmPassword: '' };
  const [values, setValues] = useState(empty);
  const [mismatch, setMismatch] = useState(false);
  const [done, setDone] = useState(false);
  const change = useMutation({
    mutationFn: () =>
      call(() =>
        api.POST('/api/auth/password', {
          body: { currentPassword: values.currentPassword, newPassword: values.newPassword },
        }),
      ),
    onSuccess: () => {
      setValues(empty);
      setDone(true);
    },
  });
  const problems = fieldErrors(change.error, currentLang());
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setDone(false);
    // Typing the new password twice is the form's own business, not a server rule.
    if (values.newPassword !== values.confirmPassword) {
      setMismatch(true);
      return;
    }
    setMismatch(false);
    change.mutate();
  };
  const field = (name: keyof typeof empty, label: string, autoComplete: string, hint?: string) => {
    const error =
      name === 'confirmPassword' && mismatch ? t('account.mismatch') : problems.get(name)?.join('；');
    return (
      <TextField
        id={name}
        name={name}
        type="password"
        label={label}
        required
        autoComplete={autoComplete}
        value={values[name]}
        onChange={(e) => setValues({ ...values, [name]: e.target.value })}
        error={Boolean(error)}
        helperText={error ?? hint}
        slotProps={{ htmlInput: { maxLength: 200 } }}
      />
    );
  };
  return (
    <Box component="form" noValidate onSubmit={submit} sx={{ display: 'grid', gap: 2, maxWidth: '28rem' }}>
      {done ? (
        <Alert severity="success" role="status">
          {t('account.passwordChanged')}
        </Alert>
      ) : null}
      {change.error && !problems.has('currentPassword') && !problems.has('newPassword') ? (
        <ErrorAlert error={change.error} />
      ) : null}
      {field('currentPassword', t('account.currentPassword'), 'current-password')}
      {field('newPassword', t('account.newPassword'), 'new-password', t('users.passwordHint'))}
      {field('confirmPassword', t('account.confirmPassword'), 'new-password')}
      <Box>
        <Button type="submit" variant="contained" disabled={change.isPending}>
          {t('account.changePassword')}
        </Button>
      </Box>
    </Box>
  );
}

function SecretBox({ created }: { created: Created }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const [copy, setCopy] = useState<string | null>(null);
  useEffect(() => ref.current?.focus(), [created]);
  return (
    <Alert
      severity="success"
      ref={ref}
      tabIndex={-1}
      role="region"
      aria-labelledby="secret-title"
      sx={{ my: 2 }}
    >
      <Typography id="secret-title" sx={{ fontWeight: 600, mb: 1 }}>
        {t('account.tokenCreated', { name: created.name ?? '' })}
      </Typography>
      <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
        <TextField
          id="new-token-value"
          label={t('account.tokenValue')}
          size="small"
          value={created.token}
          slotProps={{ htmlInput: { readOnly: true, spellCheck: false, style: { fontFamily: 'monospace' } } }}
          sx={{ minWidth: '20rem' }}
        />
        <Button
          variant="outlined"
          onClick={async () => {
            try {
              await navigator.clipboard.writeText(created.token);
              setCopy(t('account.copied'));
            } catch {
              setCopy(t('account.copyFailed'));
            }
          }}
        >
          {t('account.copy')}
        </Button>
      </Box>
      {copy ? <Typography role="status">{copy}</Typography> : null}
    </Alert>
  );
}

function Tokens() {
  const { t } = useTranslation();
  const lang = currentLang();
  const queryClient = useQueryClient();
  const tokens = useQuery({ queryKey: ['tokens'], queryFn: () => call(() => api.GET('/api/auth/tokens')) });
  const [name, setName] = useState('');
  const [days, setDays] = useState('');
  const [created, setCreated] = useState<Created | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: () =>
      call(() =>
        api.POST('/api/auth/tokens', {
          body: {
            name: name.trim(),
            // Not a whole number: sent as typed, so the server names the problem under the field.
            expiresInDays: !days.trim()
              ? null
              : /^\d+$/.test(days.trim())
                ? Number(days)
                : (days.trim() as unknown as number),
          },
        }),
      ),
    onSuccess: async (answer) => {
      setName('');
      setDays('');
      setCreated(answer);
      await queryClient.invalidateQueries({ queryKey: ['tokens'] });
    },
  });
  const revoke = useMutation({
    mutationFn: (token: { id: string; name: string | null }) =>
      call(() => api.DELETE('/api/auth/tokens/{id}', { params: { path: { id: token.id } } })),
    onSuccess: async (_a, token) => {
      setDone(t('account.revoked', { name: token.name ?? '' }));
      await queryClient.invalidateQueries({ queryKey: ['tokens'] });
    },
  });
  const problems = fieldErrors(create.error, lang);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  return (
    <>
      <Typography sx={{ color: 'text.secondary', mb: 2 }}>{t('account.tokensIntro')}</Typography>
      <Box
        component="form"
        noValidate
        onSubmit={submit}
        aria-label={t('account.createToken')}
        sx={{ display: 'flex', gap: 1.5, flexWrap: 'wrap', alignItems: 'flex-start' }}
      >
        <TextField
          id="token-name"
          label={t('account.tokenName')}
          size="small"
          required
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={problems.has('name')}
          helperText={problems.get('name')?.join('；') ?? t('account.tokenNameHint')}
          slotProps={{ htmlInput: { maxLength: 100 } }}
        />
        <TextField
          id="token-days"
          label={t('account.tokenExpires')}
          size="small"
          inputMode="numeric"
          value={days}
          onChange={(e) => setDays(e.target.value)}
          error={problems.has('expiresInDays')}
          helperText={problems.get('expiresInDays')?.join('；') ?? t('account.tokenExpiresHint')}
        />
        <Button type="submit" variant="contained" disabled={create.isPending}>
          {t('account.createToken')}
        </Button>
      </Box>
      {create.error && !problems.has('name') && !problems.has('expiresInDays') ? (
        <ErrorAlert error={create.error} />
      ) : null}
      {created ? <SecretBox created={created} /> : null}
      {done ? (
        <Alert severity="success" role="status" sx={{ my: 1 }}>
          {done}
        </Alert>
      ) : null}
      {revoke.error ? <ErrorAlert error={revoke.error} /> : null}
      {tokens.error ? <ErrorAlert error={tokens.error} /> : null}
      {tokens.data && !tokens.data.items.length ? (
        <Typography sx={{ mt: 2, color: 'text.secondary' }}>{t('account.noTokens')}</Typography>
      ) : null}
      {tokens.data?.items.length ? (
        <Box sx={{ overflowX: 'auto', mt: 2 }}>
          <Table size="small" aria-label={t('account.tokens')}>
            <TableHead sx={{ '& th': { whiteSpace: 'nowrap', fontWeight: 600 } }}>
              <TableRow>
                <TableCell>{t('account.tokenName')}</TableCell>
                <TableCell>{t('account.createdAt')}</TableCell>
                <TableCell>{t('account.lastUsed')}</TableCell>
                <TableCell>{t('account.expiresAt')}</TableCell>
                <TableCell>{t('account.tokenStatus')}</TableCell>
                <TableCell>{t('account.actions')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {tokens.data.items.map((tk) => (
                <TableRow key={tk.id}>
                  <TableCell>{tk.name ?? t('audit.dash')}</TableCell>
                  <TableCell>
                    <DateTime iso={tk.createdAt} />
                  </TableCell>
                  <TableCell>
                    {tk.lastUsedAt ? <DateTime iso={tk.lastUsedAt} /> : t('account.never')}
                  </TableCell>
                  <TableCell>{tk.expiresAt ? <DateTime iso={tk.expiresAt} /> : t('account.never')}</TableCell>
                  <TableCell>
                    <Chip
                      size="small"
                      variant="outlined"
                      color={tk.state === 'active' ? 'success' : 'default'}
                      label={pickLabel(tk.stateLabel, lang)}
                    />
                  </TableCell>
                  <TableCell>
                    {tk.mayRevoke ? (
                      <Button
                        size="small"
                        variant="outlined"
                        disabled={revoke.isPending}
                        aria-label={`${t('account.revoke')} ${tk.name ?? ''}`}
                        onClick={() => revoke.mutate(tk)}
                      >
                        {t('account.revoke')}
                      </Button>
                    ) : (
                      t('audit.dash')
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Box>
      ) : null}
    </>
  );
}

export default function AccountPage({ me }: PageProps) {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle title={t('account.title')}>{t('account.title')}</PageTitle>
      <Section id="profile-title" title={t('account.profile')}>
        <Profile me={me} />
      </Section>
      <Section id="password-title" title={t('account.changePassword')}>
        <PasswordForm />
      </Section>
      <Section id="tokens-title" title={t('account.tokens')}>
        <Tokens />
      </Section>
    </>
  );
}

// /login — e-mail and password; the server sets the HttpOnly session cookie. Then on to `next`.
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, call, setCsrfToken } from '../api/client.js';
import { navigate, safeNext, useLocation } from '../router.js';
import { ErrorAlert } from '../shell/ErrorAlert.js';
import { PageTitle } from '../shell/PageTitle.js';
import { SESSION_KEY } from '../session.js';
import { colors } from '../theme.js';

export default function LoginPage() {
  const { t } = useTranslation();
  const { search } = useLocation();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [wait, setWait] = useState(0);
  const passwordRef = useRef<HTMLInputElement>(null);

  // The server's throttle: the button stays disabled, counting down the seconds it asked for.
  useEffect(() => {
    if (wait <= 0) return;
    const timer = window.setTimeout(() => setWait(wait - 1), 1000);
    return () => window.clearTimeout(timer);
  }, [wait]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const answer = await call(() =>
        api.POST('/api/auth/login', { body: { email: email.trim(), password } }),
      );
      setCsrfToken(answer.csrfToken);
      await queryClient.invalidateQueries({ queryKey: SESSION_KEY });
      navigate(safeNext(search.get('next')), { replace: true });
    } catch (failure) {
      setError(failure);
      if (failure instanceof ApiError && failure.status === 401) {
        setPassword('');
        passwordRef.current?.focus();
      }
      if (failure instanceof ApiError && failure.status === 429 && failure.retryAfter)
        setWait(failure.retryAfter);
    } finally {
      setBusy(false);
    }
  }

  const label = busy
    ? t('login.busy')
    : wait > 0
      ? `${t('login.submit')}（${t('login.wait', { s: wait })}）`
      : t('login.submit');
  return (
    <Box
      sx={{
        maxWidth: '26rem',
        mx: 'auto',
        my: { xs: 1, sm: 4 },
        p: { xs: '1.25rem 1rem 1.5rem', sm: '1.75rem 2rem 2rem' },
        background: colors.surface,
        border: `1px solid ${colors.line}`,
        borderTop: `4px solid ${colors.accent}`,
        borderRadius: 1,
        boxShadow: '0 2px 10px rgb(60 40 20 / 0.06)',
      }}
    >
      <PageTitle title={t('login.title')}>{t('login.title')}</PageTitle>
      <Typography sx={{ color: 'text.secondary', mb: 2 }}>{t('login.intro')}</Typography>
      {error ? <ErrorAlert error={error} /> : null}
      <Box
        component="form"
        onSubmit={submit}
        noValidate
        aria-label={t('login.title')}
        sx={{ display: 'grid', gap: 2 }}
      >
        <TextField
          id="login-email"
          name="email"
          type="email"
          label={t('login.email')}
          autoComplete="username"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          // Both fields are needed and say so to assistive technology; no asterisk on a two-field form.
          slotProps={{ htmlInput: { spellCheck: false }, inputLabel: { required: false } }}
        />
        <TextField
          id="login-password"
          name="password"
          type="password"
          label={t('login.password')}
          autoComplete="current-password"
          required
          value={password}
          inputRef={passwordRef}
          slotProps={{ inputLabel: { required: false } }}
          onChange={(e) => setPassword(e.target.value)}
        />
        <Button type="submit" variant="contained" size="large" disabled={busy || wait > 0}>
          {label}
        </Button>
      </Box>
    </Box>
  );
}

// The app shell: skip link, header, the page of the current path, footer. Pages that need a login
// send anonymous visitors to /login?next=…; the login page sends logged-in ones on.
import Box from '@mui/material/Box';
import CircularProgress from '@mui/material/CircularProgress';
import { Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { matchPageRoute, type AppPath } from '../page-routes.js';
import { APP_PAGES } from './pages.js';
import { navigate, safeNext, useLocation } from './router.js';
import { useSession, type Me } from './session.js';
import { Header } from './shell/Header.js';
import { ErrorAlert } from './shell/ErrorAlert.js';
import NotFoundPage from './pages/NotFoundPage.js';
import { colors } from './theme.js';

function Loading() {
  const { t } = useTranslation();
  return (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 1.5, color: 'text.secondary' }} role="status">
      <CircularProgress size={20} /> {t('common.loading')}
    </Box>
  );
}

function CurrentPage() {
  const { pathname, search } = useLocation();
  const session = useSession();
  const found = matchPageRoute(pathname);
  const page = found ? APP_PAGES[found.route.path as AppPath] : undefined;
  const me = session.data ?? null;
  const redirect =
    session.isSuccess && page && !page.open
      ? page.anonymous
        ? me
          ? safeNext(search.get('next'))
          : null
        : me
          ? null
          : `/login?next=${encodeURIComponent(pathname + (search.size ? `?${search}` : ''))}`
      : null;
  useEffect(() => {
    if (redirect) navigate(redirect, { replace: true });
  }, [redirect]);

  if (session.isError) return <ErrorAlert error={session.error} />;
  if (session.isPending || redirect) return <Loading />;
  if (!found || !page) return <NotFoundPage />;
  const Page = page.component;
  return (
    <Suspense fallback={<Loading />}>
      {/* Anonymous pages get no session, open ones the session if any; the others are only drawn with one. */}
      <Page me={me as Me} params={found.params} />
    </Suspense>
  );
}

export function App() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const session = useSession();
  return (
    <Box sx={{ minHeight: '100vh', display: 'flex', flexDirection: 'column' }}>
      <Box
        component="a"
        href="#main"
        sx={{
          position: 'absolute',
          left: '0.5rem',
          top: '-4rem',
          zIndex: 10,
          px: 2,
          py: 1,
          background: colors.surface,
          color: colors.ink,
          border: `2px solid ${colors.ink}`,
          borderRadius: 1,
          '&:focus': { top: '0.5rem' },
        }}
      >
        {t('app.skip')}
      </Box>
      <Header me={session.data ?? null} pathname={pathname} />
      <Box
        component="main"
        id="main"
        tabIndex={-1}
        sx={{
          flex: 1,
          width: '100%',
          maxWidth: '72rem',
          mx: 'auto',
          px: { xs: 1.5, sm: 2.5 },
          pt: { xs: 2, sm: 3 },
          pb: 6,
        }}
      >
        <CurrentPage />
      </Box>
      <Box
        component="footer"
        sx={{
          borderTop: `1px solid ${colors.line}`,
          color: 'text.secondary',
          fontSize: '0.85rem',
          textAlign: 'center',
          py: 1.5,
          px: 2.5,
        }}
      >
        {t('app.footer')}
      </Box>
    </Box>
  );
}

// The dark header with its red rule: brand seal, the navigation the server allows this user, the
// language switch and the user menu (account, logout).
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import ListSubheader from '@mui/material/ListSubheader';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { colors, fonts } from '../theme.js';
import { Link, navigate } from '../router.js';
import { logout, type Me } from '../session.js';
import { currentLang, pickLabel } from '../i18n/index.js';
import { AREA_PATHS } from './areas.js';

const headerButton = {
  color: colors.headerInk,
  borderColor: '#6b6157',
  fontWeight: 400,
  minHeight: '2.25rem',
  '&:hover': { borderColor: colors.headerInk, background: 'transparent' },
} as const;

function UserMenu({ me }: { me: Me }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const close = () => setAnchor(null);
  return (
    <>
      <Button
        variant="outlined"
        sx={headerButton}
        aria-haspopup="menu"
        aria-expanded={anchor ? 'true' : 'false'}
        aria-controls={anchor ? 'user-menu' : undefined}
        onClick={(e) => setAnchor(e.currentTarget)}
      >
        <Box
          component="span"
          sx={{ position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)' }}
        >
          {t('menu.user')}:{' '}
        </Box>
        <Box
          component="span"
          sx={{ maxWidth: '6.5rem', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}
        >
          {me.user.displayName}
        </Box>
        &nbsp;▾
      </Button>
      <Menu id="user-menu" anchorEl={anchor} open={Boolean(anchor)} onClose={close}>
        {/* A subheader: the menu's arrow keys skip it and start on the first action. */}
        <ListSubheader
          sx={{
            position: 'static',
            lineHeight: 1.5,
            py: 1,
            fontSize: '0.85rem',
            borderBottom: 1,
            borderColor: 'divider',
          }}
        >
          <Box sx={{ color: 'text.primary', fontWeight: 600 }}>{me.user.displayName}</Box>
          <div>{pickLabel(me.user.roleLabel, currentLang())}</div>
          <div>{me.user.email}</div>
        </ListSubheader>
        <MenuItem component="a" href="/account" onClick={close}>
          {t('nav.account')}
        </MenuItem>
        <MenuItem
          onClick={async () => {
            close();
            await logout(queryClient);
            navigate('/login', { replace: true });
          }}
        >
          {t('nav.logout')}
        </MenuItem>
      </Menu>
    </>
  );
}

export function Header({ me, pathname }: { me: Me | null; pathname: string }) {
  const { t, i18n } = useTranslation();
  const other = currentLang() === 'zh' ? 'en' : 'zh';
  return (
    <Box
      component="header"
      sx={{ background: colors.header, color: colors.headerInk, borderBottom: `3px solid ${colors.accent}` }}
    >
      <Box
        sx={{
          // Wider than the page's 72rem column: an administrator's nine areas with their English
          // names need the room.
          maxWidth: '80rem',
          mx: 'auto',
          px: 2.5,
          py: 1,
          minHeight: '3.5rem',
          display: 'flex',
          alignItems: 'center',
          flexWrap: 'wrap',
          // Tight enough that the nine areas of an administrator, the language switch and the user
          // menu fit on one line at 1280 px in both languages (every-page.test.ts measures it).
          gap: '0.5rem 0.75rem',
        }}
      >
        <Box
          component={Link}
          href="/"
          sx={{
            display: 'inline-flex',
            alignItems: 'center',
            gap: '0.6rem',
            color: colors.headerInk,
            textDecoration: 'none',
            fontFamily: fonts.serif,
            fontSize: '1.15rem',
            fontWeight: 700,
            letterSpacing: '0.04em',
            '&:hover': { color: '#fff' },
          }}
        >
          <Box
            component="span"
            aria-hidden="true"
            sx={{
              display: 'inline-grid',
              placeItems: 'center',
              width: '1.9rem',
              height: '1.9rem',
              background: colors.accent,
              color: '#fff6ee',
              border: '1px solid #c0574a',
              borderRadius: '3px',
            }}
          >
            普
          </Box>
          <span>{t('app.shortName')}</span>
        </Box>
        {me ? (
          <Box component="nav" aria-label={t('nav.label')}>
            <Box
              component="ul"
              sx={{ listStyle: 'none', m: 0, p: 0, display: 'flex', flexWrap: 'wrap', gap: 0.25 }}
            >
              {me.areas.map((area) => {
                const href = AREA_PATHS[area];
                const current = pathname === href || pathname.startsWith(`${href}/`);
                return (
                  <li key={area}>
                    <Box
                      component={Link}
                      href={href}
                      aria-current={current ? 'page' : undefined}
                      sx={{
                        display: 'block',
                        px: 0.5,
                        py: 0.75,
                        whiteSpace: 'nowrap',
                        borderRadius: 1,
                        textDecoration: 'none',
                        color: current ? '#fff' : colors.headerMuted,
                        background: current ? 'rgb(255 255 255 / 0.12)' : undefined,
                        boxShadow: current ? `inset 0 -2px 0 ${colors.headerInk}` : undefined,
                        '&:hover': { color: '#fff', background: 'rgb(255 255 255 / 0.08)' },
                      }}
                    >
                      {t(`nav.${area}`)}
                    </Box>
                  </li>
                );
              })}
            </Box>
          </Box>
        ) : null}
        <Box sx={{ ml: 'auto', display: 'flex', alignItems: 'center', gap: 1 }}>
          <Button
            variant="outlined"
            sx={headerButton}
            lang={other === 'en' ? 'en' : 'zh-CN'}
            title={t('lang.switchHint')}
            onClick={() => void i18n.changeLanguage(other)}
          >
            {t('lang.switchTo')}
          </Button>
          {me ? <UserMenu me={me} /> : null}
        </Box>
      </Box>
    </Box>
  );
}

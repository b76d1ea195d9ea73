// / — each person lands on their own work: the areas the server offers their role, one card each.
import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { Link } from '../router.js';
import { PageTitle } from '../shell/PageTitle.js';
import { AREA_PATHS } from '../shell/areas.js';
import { currentLang, pickLabel } from '../i18n/index.js';
import type { Me } from '../session.js';
import { colors, fonts } from '../theme.js';

export default function HomePage({ me }: { me: Me }) {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle title={t('home.title')}>{t('home.greeting', { name: me.user.displayName })}</PageTitle>
      <Typography sx={{ color: 'text.secondary', mb: 3 }}>
        {t('home.role', { role: pickLabel(me.user.roleLabel, currentLang()) })}
        {me.user.institutionName ? ` · ${me.user.institutionName}` : null}
      </Typography>
      <Box
        component="ul"
        sx={{
          listStyle: 'none',
          p: 0,
          m: 0,
          display: 'grid',
          gap: 2,
          gridTemplateColumns: 'repeat(auto-fill, minmax(14rem, 1fr))',
        }}
      >
        {me.areas.map((area) => (
          <li key={area}>
            <Paper
              variant="outlined"
              component={Link}
              href={AREA_PATHS[area]}
              sx={{
                display: 'block',
                p: 2.5,
                textDecoration: 'none',
                color: 'text.primary',
                borderTop: `3px solid ${colors.accent}`,
                '&:hover': { borderColor: colors.accent, color: colors.accentDark },
              }}
            >
              <Typography
                component="span"
                sx={{ fontFamily: fonts.serif, fontWeight: 700, fontSize: '1.15rem' }}
              >
                {t(`nav.${area}`)}
              </Typography>
            </Paper>
          </li>
        ))}
      </Box>
    </>
  );
}

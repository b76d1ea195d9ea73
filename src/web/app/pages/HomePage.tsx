// / — each person lands on their own work: the to-do counts the server decides for their role
// (GET /api/me/todo), each leading to where that work is done, then the areas it offers them.
import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, call } from '../api/client.js';
import { ErrorAlert } from '../shell/ErrorAlert.js';
import { Link } from '../router.js';
import { PageTitle } from '../shell/PageTitle.js';
import { AREA_PATHS } from '../shell/areas.js';
import { currentLang, pickLabel } from '../i18n/index.js';
import type { Me } from '../session.js';
import { colors, fonts } from '../theme.js';

const grid = {
  listStyle: 'none',
  p: 0,
  m: 0,
  display: 'grid',
  gap: 2,
  gridTemplateColumns: 'repeat(auto-fill, minmax(14rem, 1fr))',
} as const;

/** The person's to-do items with their counts, each a link to where the work is. */
function Todo() {
  const { t } = useTranslation();
  const lang = currentLang();
  const todo = useQuery({ queryKey: ['me', 'todo'], queryFn: () => call(() => api.GET('/api/me/todo')) });
  if (todo.isError) return <ErrorAlert error={todo.error} />;
  if (!todo.data) return <Typography role="status">{t('common.loading')}</Typography>;
  const items = todo.data.items;
  if (!items.length || items.every((i) => i.count === 0))
    return <Typography sx={{ color: 'text.secondary' }}>{t('home.nothingToDo')}</Typography>;
  return (
    <Box component="ul" sx={grid}>
      {items.map((item) => (
        <li key={item.kind} data-kind={item.kind}>
          <Paper
            variant="outlined"
            component={Link}
            href={item.href}
            sx={{
              display: 'flex',
              alignItems: 'baseline',
              gap: 1.5,
              p: 2,
              textDecoration: 'none',
              color: item.count ? 'text.primary' : 'text.secondary',
              borderLeft: `4px solid ${item.count ? colors.accent : colors.line}`,
              '&:hover': { borderColor: colors.accent, color: colors.accentDark },
            }}
          >
            <Box
              component="span"
              sx={{
                fontFamily: fonts.serif,
                fontWeight: 700,
                fontSize: '2rem',
                lineHeight: 1,
                minWidth: '2.5rem',
              }}
            >
              {item.count}
            </Box>
            <span>{pickLabel(item.label, lang)}</span>
          </Paper>
        </li>
      ))}
    </Box>
  );
}

export default function HomePage({ me }: { me: Me }) {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle title={t('home.title')}>{t('home.greeting', { name: me.user.displayName })}</PageTitle>
      <Typography sx={{ color: 'text.secondary', mb: 3 }}>
        {t('home.role', { role: pickLabel(me.user.roleLabel, currentLang()) })}
        {me.user.institutionName ? ` · ${me.user.institutionName}` : null}
      </Typography>
      <Box component="section" aria-labelledby="todo-title" sx={{ mb: 4 }}>
        <Typography variant="h2" id="todo-title" sx={{ mb: 1.5 }}>
          {t('home.todoTitle')}
        </Typography>
        <Todo />
      </Box>
      <Typography variant="h2" id="areas-title" sx={{ mb: 1.5 }}>
        {t('home.areasTitle')}
      </Typography>
      <Box component="ul" aria-labelledby="areas-title" sx={grid}>
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

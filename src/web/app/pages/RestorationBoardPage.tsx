// /restoration — the studio's board: one column per work-order state (the server names and orders
// them), newest change first, and the form to raise an order for a record, choosing the "before"
// condition assessment from the record's own list (never typing an id).
import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, call } from '../api/client.js';
import { currentLang, pickLabel } from '../i18n/index.js';
import { Link } from '../router.js';
import { ErrorAlert } from '../shell/ErrorAlert.js';
import { PageTitle } from '../shell/PageTitle.js';
import { colors, fonts } from '../theme.js';
import { CreateWorkOrder } from '../restoration/CreateWorkOrder.js';

export default function RestorationBoardPage() {
  const { t } = useTranslation();
  const lang = currentLang();
  const board = useQuery({
    queryKey: ['work-orders'],
    queryFn: () => call(() => api.GET('/api/work-orders', { params: { query: { limit: 500 } } })),
  });
  const data = board.data;
  return (
    <>
      <PageTitle title={t('restoration.boardTitle')}>{t('restoration.boardTitle')}</PageTitle>
      <Typography sx={{ color: 'text.secondary', mb: 2 }}>{t('restoration.boardIntro')}</Typography>
      {board.isError ? <ErrorAlert error={board.error} /> : null}
      {data?.abilities.raise ? <CreateWorkOrder /> : null}
      {data ? (
        <Box
          className="wo-board"
          sx={{
            display: 'grid',
            gridTemplateColumns: { xs: '1fr', sm: 'repeat(2, 1fr)', md: 'repeat(4, 1fr)' },
            gap: 1.5,
          }}
        >
          {data.columns.map((column) => {
            const cards = data.items.filter((o) => o.state === column.state);
            const label = pickLabel(column.label, lang);
            return (
              <Paper
                key={column.state}
                variant="outlined"
                component="section"
                className="wo-column"
                data-state={column.state}
                aria-label={label}
                sx={{ p: 1.5, bgcolor: colors.surface }}
              >
                <Typography variant="h2" sx={{ fontSize: '1.05rem', mb: 1 }}>
                  {label} ({cards.length})
                </Typography>
                {cards.length ? (
                  <Box component="ul" sx={{ listStyle: 'none', m: 0, p: 0, display: 'grid', gap: 1 }}>
                    {cards.map((o) => (
                      <li key={o.id}>
                        <Box
                          component={Link}
                          href={`/work-orders/${o.id}`}
                          className="wo-card"
                          sx={{
                            display: 'grid',
                            gap: 0.25,
                            p: 1,
                            border: `1px solid ${colors.line}`,
                            borderLeft: `3px solid ${colors.accent}`,
                            borderRadius: 1,
                            color: 'text.primary',
                            textDecoration: 'none',
                            '&:hover': { bgcolor: colors.accentSoft },
                          }}
                        >
                          <Box component="strong" sx={{ fontFamily: fonts.serif }}>
                            {o.title}
                          </Box>
                          <Box component="span" sx={{ fontFamily: 'monospace', fontSize: '0.85rem' }}>
                            {o.censusNumber}
                          </Box>
                          <Box component="span" sx={{ color: 'text.secondary', fontSize: '0.85rem' }}>
                            {o.centre?.name ?? o.institution.name}
                          </Box>
                          <Box component="span" sx={{ color: 'text.secondary', fontSize: '0.85rem' }}>
                            {t('restoration.leavesHours', o.totals)}
                          </Box>
                        </Box>
                      </li>
                    ))}
                  </Box>
                ) : (
                  <Typography sx={{ color: 'text.secondary' }}>{t('restoration.emptyColumn')}</Typography>
                )}
              </Paper>
            );
          })}
        </Box>
      ) : board.isPending ? (
        <Typography role="status">{t('common.loading')}</Typography>
      ) : null}
    </>
  );
}

// Round 2 and after: what the reviewer asked for last time (the return note and the comments on
// fields) and what the cataloguer changed since, field by field, before and after.
import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { currentLang, pickLabel } from '../i18n/index.js';
import { DateTime } from '../shell/DateTime.js';
import { colors, fonts } from '../theme.js';
import type { ReviewView } from './types.js';

export function PreviousRound({ view }: { view: ReviewView }) {
  const { t } = useTranslation();
  const lang = currentLang();
  const changes = view.changesSincePreviousRound;
  const round = changes?.sinceRound ?? view.currentRound - 1;
  const returns = view.events.filter((e) => e.round === round && e.action === 'return');
  const comments = view.comments.filter((c) => c.round === round);
  return (
    <Paper
      component="section"
      variant="outlined"
      aria-labelledby="previous-title"
      className="previous-round"
      data-round={round}
      sx={{ p: 2, mb: 2, borderLeft: `4px solid ${colors.focus}` }}
    >
      <Typography variant="h2" id="previous-title" sx={{ mb: 1 }}>
        {t('review.previousTitle', { n: round })}
      </Typography>
      {returns.map((e) => (
        <Box key={e.at} sx={{ mb: 1 }}>
          <strong>{pickLabel(e.actionLabel, lang)}</strong>
          {e.note ? `：${e.note}` : null}
          <Typography component="span" sx={{ fontSize: '0.85rem', color: 'text.secondary' }}>
            {' — '}
            {e.actorName ?? e.actorEmail ?? ''} · <DateTime iso={e.at} />
          </Typography>
        </Box>
      ))}
      {comments.length ? (
        <Box component="ul" aria-label={t('review.previousComments')} sx={{ pl: 2.5, my: 1 }}>
          {comments.map((c) => (
            <li key={c.id}>
              <strong>{pickLabel(c.fieldLabel, lang)}</strong>：{c.text}
              <Typography component="span" sx={{ fontSize: '0.85rem', color: 'text.secondary' }}>
                {' — '}
                {c.actorName ?? c.actorEmail ?? ''}
              </Typography>
            </li>
          ))}
        </Box>
      ) : null}
      <Typography variant="h3" sx={{ mt: 2, mb: 1 }}>
        {t('review.changesTitle', { n: round })}
      </Typography>
      {changes?.changes.length ? (
        <Box sx={{ overflowX: 'auto' }}>
          <Table size="small" className="changes-table" aria-label={t('review.changesTitle', { n: round })}>
            <TableHead>
              <TableRow>
                <TableCell>{t('review.field')}</TableCell>
                <TableCell>{t('review.before')}</TableCell>
                <TableCell>{t('review.after')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {changes.changes.map((c) => (
                <TableRow key={c.field} data-field={c.field}>
                  <TableCell sx={{ fontWeight: 600, whiteSpace: 'nowrap' }}>
                    {pickLabel(c.label, lang)}
                  </TableCell>
                  <TableCell sx={{ fontFamily: fonts.serif }}>
                    <Box component="del" sx={{ color: colors.error, textDecorationThickness: 1 }}>
                      {c.beforeText || t('review.emptyValue')}
                    </Box>
                  </TableCell>
                  <TableCell sx={{ fontFamily: fonts.serif }}>
                    <Box component="ins" sx={{ color: colors.ok, textDecoration: 'none', fontWeight: 600 }}>
                      {c.afterText || t('review.emptyValue')}
                    </Box>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Box>
      ) : (
        <Typography sx={{ color: 'text.secondary' }}>{t('review.noChanges')}</Typography>
      )}
    </Paper>
  );
}

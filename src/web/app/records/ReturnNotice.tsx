// A returned record's feedback where the cataloguer works: the reviewer's note with each field
// comment (linking to the field), and the comments of one field beside that field.
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import { useTranslation } from 'react-i18next';
import { currentLang, pickLabel } from '../i18n/index.js';
import { colors } from '../theme.js';
import type { RecordJson } from './recordData.js';

export type LastReturn = NonNullable<RecordJson['lastReturn']>;

function when(iso: string): string {
  return new Date(iso).toLocaleString(currentLang() === 'en' ? 'en-GB' : 'zh-CN', {
    dateStyle: 'medium',
    timeStyle: 'short',
  });
}

/** The top-level field a comment path names (`authors[0].name` → authors). */
export const commentField = (path: string) => /^[A-Za-z]+/.exec(path)?.[0] ?? path;

export function ReturnNotice({ lastReturn }: { lastReturn: LastReturn }) {
  const { t } = useTranslation();
  const lang = currentLang();
  return (
    <Alert
      severity="warning"
      component="section"
      aria-labelledby="return-title"
      sx={{ my: 2 }}
      id="return-notice"
    >
      <AlertTitle id="return-title">{t('record.returnTitle', { round: lastReturn.round })}</AlertTitle>
      <Box component="p" sx={{ m: 0 }} data-testid="return-note">
        {lastReturn.note}
      </Box>
      <Box component="p" sx={{ m: 0, mt: 0.5, color: 'text.secondary', fontSize: '0.85rem' }}>
        {t('record.returnBy', { name: lastReturn.actorName ?? t('record.someone'), at: when(lastReturn.at) })}
      </Box>
      {lastReturn.comments.length ? (
        <>
          <Box component="p" sx={{ m: 0, mt: 1, fontWeight: 600 }}>
            {t('record.fieldComments', { n: lastReturn.comments.length })}
          </Box>
          <Box component="ul" sx={{ m: 0, pl: 2.5 }} data-testid="return-comments">
            {lastReturn.comments.map((c) => (
              <li key={c.id}>
                <a href={`#field-${commentField(c.field)}`}>{pickLabel(c.fieldLabel, lang)}</a>：{c.text}
              </li>
            ))}
          </Box>
        </>
      ) : null}
    </Alert>
  );
}

/** The reviewer's comments on one field, beside it. */
export function FieldComments({ comments }: { comments: LastReturn['comments'] }) {
  const { t } = useTranslation();
  if (!comments.length) return null;
  return (
    <Box
      component="ul"
      className="field-comments"
      aria-label={t('record.commentsOnField')}
      sx={{
        listStyle: 'none',
        m: 0,
        mt: 0.5,
        p: '0.35rem 0.6rem',
        borderLeft: `3px solid ${colors.focus}`,
        background: '#fbefd5',
        fontSize: '0.9rem',
      }}
    >
      {comments.map((c) => (
        <li key={c.id}>
          {t('record.reviewerSays', { name: c.actorName ?? t('record.someone') })}
          {c.text}
        </li>
      ))}
    </Box>
  );
}

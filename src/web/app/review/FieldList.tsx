// The record's fields as the server lists them (label, text), each with this round's comments
// beside it and, while the caller may comment, a “批注” button opening a small form for that field.
// From round 2 on, a field changed since the previous round is marked, and that round's comments
// on it stay in sight.
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call, ApiError } from '../api/client.js';
import { currentLang, pickLabel } from '../i18n/index.js';
import { DateTime } from '../shell/DateTime.js';
import { ErrorAlert } from '../shell/ErrorAlert.js';
import { colors, fonts } from '../theme.js';
import { reviewKey, type ReviewComment, type ReviewView } from './types.js';

function CommentItem({ comment, previous }: { comment: ReviewComment; previous?: boolean }) {
  const { t } = useTranslation();
  return (
    <Box
      component="li"
      data-round={comment.round}
      sx={{
        borderLeft: `3px solid ${previous ? colors.lineStrong : colors.accent}`,
        background: previous ? colors.paper : colors.accentSoft,
        px: 1.25,
        py: 0.5,
        mt: 0.75,
      }}
    >
      {previous ? (
        <Typography component="span" sx={{ fontSize: '0.8rem', color: 'text.secondary', mr: 0.75 }}>
          {t('review.roundN', { n: comment.round })}
        </Typography>
      ) : null}
      <span className="comment-text">{comment.text}</span>
      <Typography component="span" sx={{ fontSize: '0.8rem', color: 'text.secondary' }}>
        {' — '}
        {comment.actorName ?? comment.actorEmail ?? ''} · <DateTime iso={comment.at} />
      </Typography>
    </Box>
  );
}

function CommentForm({
  censusNumber,
  field,
  label,
  onDone,
}: {
  censusNumber: string;
  field: string;
  label: string;
  onDone: (saved: boolean) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [text, setText] = useState('');
  const [required, setRequired] = useState(false);
  const send = useMutation({
    mutationFn: (body: { field: string; text: string }) =>
      call(() =>
        api.POST('/api/records/{censusNumber}/comments', { params: { path: { censusNumber } }, body }),
      ),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: reviewKey(censusNumber) });
      onDone(true);
    },
  });
  // The server's word on the text goes under the field; anything else above the buttons.
  const detail =
    send.error instanceof ApiError ? send.error.details.find((d) => d.path === 'text') : undefined;
  const error = required
    ? t('review.required')
    : detail
      ? pickLabel({ zh: detail.messageZh ?? '', en: detail.messageEn ?? '' }, currentLang())
      : null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setRequired(!text.trim());
    if (!text.trim()) return;
    send.mutate({ field, text: text.trim() });
  };
  return (
    <Box
      component="form"
      aria-label={t('review.commentOn', { field: label })}
      onSubmit={submit}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onDone(false);
      }}
      noValidate
      sx={{ mt: 1, display: 'grid', gap: 1 }}
    >
      <TextField
        label={t('review.commentText')}
        multiline
        minRows={2}
        autoFocus
        required
        value={text}
        onChange={(e) => setText(e.target.value)}
        error={Boolean(error)}
        helperText={error ?? undefined}
        slotProps={{ htmlInput: { maxLength: 4000 } }}
      />
      {send.isError && !detail ? <ErrorAlert error={send.error} /> : null}
      <Box sx={{ display: 'flex', gap: 1 }}>
        <Button type="submit" variant="contained" size="small" disabled={send.isPending}>
          {t('review.commentSend')}
        </Button>
        <Button size="small" onClick={() => onDone(false)}>
          {t('review.cancel')}
        </Button>
      </Box>
    </Box>
  );
}

function FieldRow({
  view,
  field,
  changed,
  onSaved,
}: {
  view: ReviewView;
  field: ReviewView['fields'][number];
  changed: boolean;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const lang = currentLang();
  const label = pickLabel(field.label, lang);
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const formId = useId();
  const ofField = view.comments.filter((c) => c.field.split(/[.[]/)[0] === field.field);
  const now = ofField.filter((c) => c.round === view.currentRound);
  const before = ofField.filter((c) => c.round < view.currentRound);
  const close = (saved: boolean) => {
    setOpen(false);
    button.current?.focus();
    if (saved) onSaved();
  };
  return (
    <Box
      data-field={field.field}
      sx={{
        display: 'grid',
        gridTemplateColumns: { xs: '1fr', sm: '8rem 1fr' },
        gap: { xs: 0.25, sm: 2 },
        py: 1,
        borderBottom: `1px solid ${colors.line}`,
        background: changed ? '#fbf3dc' : undefined,
      }}
    >
      <Box component="dt" sx={{ fontWeight: 600, color: 'text.secondary' }}>
        {label}
        {changed ? (
          <Chip size="small" label={t('review.changed')} sx={{ ml: 0.5, height: 20, fontSize: '0.75rem' }} />
        ) : null}
      </Box>
      <Box component="dd" sx={{ m: 0 }}>
        <Box sx={{ fontFamily: fonts.serif, whiteSpace: 'pre-wrap' }} className="field-value">
          {field.text || '—'}
        </Box>
        {before.length ? (
          <Box
            component="ul"
            aria-label={t('review.previousHere', { field: label })}
            sx={{ listStyle: 'none', p: 0, m: 0 }}
          >
            {before.map((c) => (
              <CommentItem key={c.id} comment={c} previous />
            ))}
          </Box>
        ) : null}
        {now.length ? (
          <Box
            component="ul"
            className="comment-list"
            aria-label={t('review.commentsHere', { field: label })}
            sx={{ listStyle: 'none', p: 0, m: 0 }}
          >
            {now.map((c) => (
              <CommentItem key={c.id} comment={c} />
            ))}
          </Box>
        ) : null}
        {view.mayComment ? (
          <>
            <Button
              ref={button}
              size="small"
              aria-expanded={open}
              aria-controls={open ? formId : undefined}
              onClick={() => setOpen(!open)}
              sx={{ mt: 0.5, px: 0.5, minWidth: 0 }}
            >
              {t('review.comment')}
              <Box component="span" sx={visuallyHidden}>
                {' '}
                {label}
              </Box>
            </Button>
            {open ? (
              <div id={formId}>
                <CommentForm
                  censusNumber={view.record.censusNumber}
                  field={field.field}
                  label={label}
                  onDone={close}
                />
              </div>
            ) : null}
          </>
        ) : null}
      </Box>
    </Box>
  );
}

export const visuallyHidden = {
  position: 'absolute',
  width: 1,
  height: 1,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
} as const;

export function FieldList({ view, onSaved }: { view: ReviewView; onSaved: () => void }) {
  const { t } = useTranslation();
  const changed = new Set(view.changesSincePreviousRound?.changes.map((c) => c.field) ?? []);
  return (
    <Paper component="section" variant="outlined" aria-labelledby="fields-title" sx={{ p: 2 }}>
      <Typography variant="h2" id="fields-title">
        {t('review.fields')}
      </Typography>
      <Box component="dl" sx={{ m: 0 }}>
        {view.fields.map((f) => (
          <FieldRow key={f.field} view={view} field={f} changed={changed.has(f.field)} onSaved={onSaved} />
        ))}
      </Box>
    </Paper>
  );
}

// The review steps the server says the caller may take now (开始审校, 退回修改, 审校通过 …), each a
// button; a step that needs a note asks for it in a dialog, and the server's refusal of the note
// is shown on the note field. The outcome is announced and the page drawn again from the server.
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import TextField from '@mui/material/TextField';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, call } from '../api/client.js';
import { currentLang, pickLabel } from '../i18n/index.js';
import { ErrorAlert } from '../shell/ErrorAlert.js';
import { reviewKey, type ReviewAction } from './types.js';

type StepPath = '/api/records/{censusNumber}/approve';

/** Posts one workflow step; its path is the action's name with a hyphen (start_review → start-review). */
function postStep(censusNumber: string, action: string, note?: string) {
  const path = `/api/records/{censusNumber}/${action.replace('_', '-')}` as StepPath;
  return call(() => api.POST(path, { params: { path: { censusNumber } }, body: note ? { note } : {} }));
}

export function ReviewActions({
  censusNumber,
  actions,
  onDone,
}: {
  censusNumber: string;
  actions: ReviewAction[];
  onDone: (action: ReviewAction) => void;
}) {
  const { t } = useTranslation();
  const lang = currentLang();
  const queryClient = useQueryClient();
  const [asking, setAsking] = useState<ReviewAction | null>(null);
  const [note, setNote] = useState('');
  const [required, setRequired] = useState(false);
  const step = useMutation({
    mutationFn: ({ action, note }: { action: ReviewAction; note?: string }) =>
      postStep(censusNumber, action.action, note),
    onSuccess: async (_record, { action }) => {
      setAsking(null);
      setNote('');
      await queryClient.invalidateQueries({ queryKey: reviewKey(censusNumber) });
      await queryClient.invalidateQueries({ queryKey: ['review-queue'] });
      onDone(action);
    },
  });
  const noteDetail =
    step.error instanceof ApiError ? step.error.details.find((d) => d.path === 'note') : undefined;
  const noteError = required
    ? t('review.required')
    : noteDetail
      ? pickLabel({ zh: noteDetail.messageZh ?? '', en: noteDetail.messageEn ?? '' }, lang)
      : null;
  const submitNote = (event: FormEvent) => {
    event.preventDefault();
    setRequired(!note.trim());
    if (asking && note.trim()) step.mutate({ action: asking, note: note.trim() });
  };
  return (
    <>
      {step.isError && !noteDetail && !asking ? <ErrorAlert error={step.error} /> : null}
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1 }}>
        {actions.map((a) => (
          <Button
            key={a.action}
            data-action={a.action}
            variant={a.needsNote ? 'outlined' : 'contained'}
            disabled={step.isPending}
            onClick={() => {
              step.reset();
              if (a.needsNote) {
                setRequired(false);
                setAsking(a);
              } else step.mutate({ action: a });
            }}
          >
            {pickLabel(a.label, lang)}
          </Button>
        ))}
      </Box>
      <Dialog
        open={Boolean(asking)}
        onClose={() => setAsking(null)}
        aria-labelledby="note-title"
        fullWidth
        maxWidth="sm"
      >
        <Box component="form" onSubmit={submitNote} noValidate>
          <DialogTitle id="note-title">
            {asking ? `${pickLabel(asking.label, lang)} · ${censusNumber}` : null}
          </DialogTitle>
          <DialogContent>
            <TextField
              label={t(asking?.action === 'return' ? 'review.noteReturn' : 'review.note')}
              helperText={noteError ?? t('review.noteHint')}
              error={Boolean(noteError)}
              required
              multiline
              minRows={3}
              fullWidth
              autoFocus
              value={note}
              onChange={(e) => setNote(e.target.value)}
              slotProps={{ htmlInput: { maxLength: 4000 } }}
              sx={{ mt: 1 }}
            />
            {step.isError && !noteDetail ? <ErrorAlert error={step.error} /> : null}
          </DialogContent>
          <DialogActions>
            <Button onClick={() => setAsking(null)}>{t('review.cancel')}</Button>
            <Button type="submit" variant="contained" disabled={step.isPending}>
              {asking ? pickLabel(asking.label, lang) : null}
            </Button>
          </DialogActions>
        </Box>
      </Dialog>
    </>
  );
}

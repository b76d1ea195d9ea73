// Asks before a workflow step that needs it: the note a return or withdrawal must give, and the
// confirmation of a step the person cannot undo. Both texts come with the offered action.
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import TextField from '@mui/material/TextField';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLang, pickLabel } from '../i18n/index.js';
import { ErrorAlert } from '../shell/ErrorAlert.js';
import { fieldErrors } from './fieldErrors.js';
import type { RecordJson } from './recordData.js';

export type ActionOffer = RecordJson['allowedActions'][number];

export function ActionDialog({
  offer,
  title,
  busy,
  error,
  onConfirm,
  onClose,
}: {
  offer: ActionOffer;
  title: string;
  busy: boolean;
  error: unknown;
  onConfirm: (note: string | undefined) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const lang = currentLang();
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState(false);
  const label = pickLabel(offer.label, lang);
  const serverNote = fieldErrors(error, lang).get('note');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (offer.note && !note.trim()) {
      setMissing(true);
      return;
    }
    onConfirm(offer.note ? note.trim() : undefined);
  };
  const noteError = missing ? t('record.noteRequired') : serverNote?.join('；');
  return (
    <Dialog
      open
      onClose={busy ? undefined : onClose}
      aria-labelledby="action-dialog-title"
      fullWidth
      maxWidth="sm"
    >
      <form onSubmit={submit} noValidate>
        <DialogTitle id="action-dialog-title">
          {label} · {title}
        </DialogTitle>
        <DialogContent>
          {offer.confirm ? (
            <Alert severity="warning" sx={{ mb: 2 }}>
              {pickLabel(offer.confirm, lang)}
            </Alert>
          ) : null}
          {offer.note ? (
            <TextField
              id="action-note"
              name="note"
              label={pickLabel(offer.note, lang)}
              multiline
              minRows={3}
              fullWidth
              required
              autoFocus
              value={note}
              onChange={(e) => {
                setNote(e.target.value);
                setMissing(false);
              }}
              error={Boolean(noteError)}
              helperText={noteError}
              slotProps={{ htmlInput: { maxLength: 4000 } }}
            />
          ) : null}
          {error && !serverNote ? <ErrorAlert error={error} /> : null}
        </DialogContent>
        <DialogActions sx={{ px: 3, pb: 2 }}>
          <Button onClick={onClose} disabled={busy}>
            {t('record.cancel')}
          </Button>
          <Button type="submit" variant="contained" disabled={busy} autoFocus={!offer.note}>
            {label}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}

// The steps the server offers this person on this order, as buttons. A step whose guard still fails
// is shown disabled with the server's reason (and, for the after-treatment assessment, the way to it);
// a step that needs a reason, or the acceptance with its rating and findings, asks in a dialog first.
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Paper from '@mui/material/Paper';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../api/client.js';
import { currentLang, pickLabel } from '../i18n/index.js';
import { fieldErrors } from '../records/fieldErrors.js';
import { Link } from '../router.js';
import { problemAt, Problems } from './Problems.js';
import { workOrderKey, type ActionOffer, type WorkOrder } from './types.js';

/** Acceptance and rejection carry the inspector's findings: asked for in the dialog. */
const inspecting = (offer: ActionOffer) => offer.action === 'accept' || offer.action === 'reject';

type Taken = { offer: ActionOffer; reason?: string; rating?: string; findings?: string };

export const afterAssessmentHref = (order: WorkOrder) =>
  `/records/${encodeURIComponent(order.censusNumber)}/condition?workOrder=${encodeURIComponent(order.id)}`;

function AskDialog({
  order,
  offer,
  busy,
  error,
  onConfirm,
  onClose,
}: {
  order: WorkOrder;
  offer: ActionOffer;
  busy: boolean;
  error: unknown;
  onConfirm: (taken: Taken) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const lang = currentLang();
  const [reason, setReason] = useState('');
  const [rating, setRating] = useState('');
  const [missing, setMissing] = useState(false);
  const label = pickLabel(offer.label, lang);
  const errors = fieldErrors(error, lang);
  const reasonError = missing ? t('workOrder.reasonRequired') : problemAt(errors, 'reason');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (offer.needsReason && !reason.trim()) {
      setMissing(true);
      return;
    }
    onConfirm({
      offer,
      ...(reason.trim() ? { reason: reason.trim() } : {}),
      ...(inspecting(offer) && reason.trim() ? { findings: reason.trim() } : {}),
      ...(offer.needsRating && rating ? { rating } : {}),
    });
  };
  return (
    <Dialog open onClose={busy ? undefined : onClose} aria-labelledby="wo-ask-title" fullWidth maxWidth="sm">
      <form onSubmit={submit} noValidate>
        <DialogTitle id="wo-ask-title">
          {label} · {order.title}
        </DialogTitle>
        <DialogContent>
          <Problems error={error} />
          {offer.needsRating ? (
            <TextField
              id="wo-rating"
              select
              label={t('workOrder.rating')}
              value={rating}
              onChange={(e) => setRating(e.target.value)}
              fullWidth
              required
              margin="dense"
              error={errors.has('rating')}
              helperText={problemAt(errors, 'rating')}
              slotProps={{ select: { native: true }, inputLabel: { shrink: true } }}
            >
              <option value="">{t('workOrder.ratingChoose')}</option>
              {order.ratings.map((r) => (
                <option key={r.value} value={r.value}>
                  {pickLabel(r.label, lang)}
                </option>
              ))}
            </TextField>
          ) : null}
          <TextField
            id="wo-reason"
            label={inspecting(offer) ? t('workOrder.findings') : t('workOrder.reason')}
            multiline
            minRows={3}
            fullWidth
            margin="dense"
            required={offer.needsReason}
            autoFocus={!offer.needsRating}
            value={reason}
            onChange={(e) => {
              setReason(e.target.value);
              setMissing(false);
            }}
            error={Boolean(reasonError)}
            helperText={reasonError}
            slotProps={{ htmlInput: { maxLength: 4000 } }}
          />
        </DialogContent>
        <DialogActions sx={{ px: 3, pb: 2 }}>
          <Button onClick={onClose} disabled={busy}>
            {t('workOrder.cancel')}
          </Button>
          <Button type="submit" variant="contained" disabled={busy}>
            {label}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}

export function OrderActions({ order }: { order: WorkOrder }) {
  const { t } = useTranslation();
  const lang = currentLang();
  const queryClient = useQueryClient();
  const [asking, setAsking] = useState<ActionOffer | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const take = useMutation({
    mutationFn: ({ offer, reason, rating, findings }: Taken) =>
      call(() =>
        api.POST('/api/work-orders/{id}/transitions', {
          params: { path: { id: order.id } },
          body: {
            action: offer.action,
            version: order.version,
            reason: reason ?? null,
            rating: (rating as '优' | '良' | '合格' | undefined) ?? null,
            findings: findings ?? null,
          },
        }),
      ),
    onSuccess: (updated, { offer }) => {
      setAsking(null);
      setDone(t('workOrder.done', { action: pickLabel(offer.label, lang) }));
      queryClient.setQueryData(workOrderKey(order.id), updated);
      void queryClient.invalidateQueries({ queryKey: ['work-orders'] });
      document.getElementById('wo-state')?.focus();
    },
  });
  const start = (offer: ActionOffer) => {
    take.reset();
    setDone(null);
    if (offer.needsReason || offer.needsRating || inspecting(offer)) setAsking(offer);
    else take.mutate({ offer });
  };
  return (
    <Paper
      variant="outlined"
      component="section"
      aria-labelledby="wo-actions-title"
      className="wo-actions"
      sx={{ p: 2 }}
    >
      <Typography variant="h2" id="wo-actions-title" sx={{ mb: 1 }}>
        {t('workOrder.actions')}
      </Typography>
      {done ? (
        <Alert severity="success" role="status" sx={{ mb: 1.5 }}>
          {done}
        </Alert>
      ) : null}
      {!asking ? <Problems error={take.error} /> : null}
      {order.actions.length ? (
        <>
          <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1 }}>
            {order.actions.map((offer) => (
              <Button
                key={offer.action}
                data-action={offer.action}
                variant={offer.needsReason ? 'outlined' : 'contained'}
                disabled={take.isPending || offer.blocked !== null}
                aria-describedby={offer.blocked ? `wo-blocked-${offer.action}` : undefined}
                onClick={() => start(offer)}
              >
                {pickLabel(offer.label, lang)}
              </Button>
            ))}
          </Box>
          {order.actions
            .filter((offer) => offer.blocked)
            .map((offer) => (
              <Alert
                key={offer.action}
                severity="info"
                id={`wo-blocked-${offer.action}`}
                className="wo-blocked"
                sx={{ mt: 1.5 }}
                action={
                  offer.blocked?.code === 'AFTER_ASSESSMENT_REQUIRED' && order.abilities.assessAfter ? (
                    <Button component={Link} href={afterAssessmentHref(order)} color="inherit" size="small">
                      {t('workOrder.afterAssessment')}
                    </Button>
                  ) : undefined
                }
              >
                {lang === 'en' ? offer.blocked?.messageEn : offer.blocked?.messageZh}
              </Alert>
            ))}
        </>
      ) : (
        <Typography sx={{ color: 'text.secondary' }}>{t('workOrder.noActions')}</Typography>
      )}
      {asking ? (
        <AskDialog
          order={order}
          offer={asking}
          busy={take.isPending}
          error={take.error}
          onConfirm={(taken) => take.mutate(taken)}
          onClose={() => {
            setAsking(null);
            take.reset();
          }}
        />
      ) : null}
    </Paper>
  );
}

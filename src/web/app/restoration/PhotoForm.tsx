// Photos of an order: the three strips (before / during / after, with the server's phase labels) and
// the upload form. Uploads are multipart, outside the JSON client; errors come back the same way.
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, csrfHeaders, data } from '../api/client.js';
import { currentLang, pickLabel } from '../i18n/index.js';
import { fieldErrors } from '../records/fieldErrors.js';
import { colors } from '../theme.js';
import { FilePicker } from './FilePicker.js';
import { InlineForm, problemAt } from './Problems.js';
import { workOrderKey, type WorkOrder } from './types.js';

/** Sends photos to an order (multipart), with the session's CSRF token. */
export async function uploadPhotos(
  orderId: string,
  files: readonly File[],
  fields: { phase: string; caption?: string; logEntryId?: string },
): Promise<void> {
  const form = new FormData();
  for (const file of files) form.append('file', file, file.name);
  form.set('phase', fields.phase);
  if (fields.caption) form.set('caption', fields.caption);
  if (fields.logEntryId) form.set('logEntryId', fields.logEntryId);
  let response: Response;
  try {
    response = await fetch(`/api/work-orders/${encodeURIComponent(orderId)}/photos`, {
      method: 'POST',
      body: form,
      credentials: 'same-origin',
      headers: csrfHeaders(),
    });
  } catch {
    throw new ApiError(0, 'NETWORK', null, null, [], null, null);
  }
  const body = (await response.json().catch(() => ({}))) as unknown;
  data({ data: body, error: body, response });
}

export function PhotoStrips({ order }: { order: WorkOrder }) {
  const { t } = useTranslation();
  const lang = currentLang();
  return (
    <Box
      className="wo-compare"
      sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: 'repeat(3, 1fr)' }, gap: 1.5 }}
    >
      {order.photoPhases.map(({ value, label }) => {
        const items = order.photos.filter((p) => p.phase === value);
        return (
          <Box component="figure" key={value} className="wo-photos" data-phase={value} sx={{ m: 0 }}>
            <Typography component="figcaption" sx={{ fontWeight: 700, mb: 0.5 }}>
              {pickLabel(label, lang)} ({items.length})
            </Typography>
            {items.length ? (
              <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1 }}>
                {items.map((p) =>
                  p.status !== 'ready' ? (
                    <Box
                      key={`${p.id}-${p.status}`}
                      role="img"
                      aria-label={p.caption ?? pickLabel(label, lang)}
                      sx={{
                        width: 105,
                        height: 140,
                        display: 'grid',
                        placeItems: 'center',
                        border: `1px dashed ${colors.lineStrong}`,
                        color: 'text.secondary',
                        fontSize: '0.85rem',
                      }}
                    >
                      {t('workOrder.photoProcessing')}
                    </Box>
                  ) : (
                    <a
                      key={`${p.id}-${p.status}`}
                      href={`${p.service}/full/max/0/default.jpg`}
                      target="_blank"
                      rel="noopener"
                    >
                      <img
                        src={p.thumbnail}
                        alt={p.caption ?? pickLabel(label, lang)}
                        loading="lazy"
                        style={{ maxWidth: 140, maxHeight: 140, border: `1px solid ${colors.line}` }}
                      />
                    </a>
                  ),
                )}
              </Box>
            ) : (
              <Typography sx={{ color: 'text.secondary' }}>{t('workOrder.noPhotos')}</Typography>
            )}
          </Box>
        );
      })}
    </Box>
  );
}

export function PhotoForm({ order }: { order: WorkOrder }) {
  const { t } = useTranslation();
  const lang = currentLang();
  const queryClient = useQueryClient();
  const files = useRef<HTMLInputElement>(null);
  // A new picker after each success: the chosen names go with the sent files.
  const [picked, setPicked] = useState(0);
  const [phase, setPhase] = useState<string>(order.photoPhases[0]?.value ?? '');
  const [caption, setCaption] = useState('');
  const [done, setDone] = useState(false);
  const upload = useMutation({
    mutationFn: () => {
      const chosen = [...(files.current?.files ?? [])];
      if (!chosen.length) {
        const text = t('workOrder.chooseFile');
        throw new ApiError(
          400,
          'NO_FILE',
          text,
          text,
          [{ path: 'file', messageZh: text, messageEn: text }],
          null,
          null,
        );
      }
      return uploadPhotos(order.id, chosen, { phase, caption: caption.trim() });
    },
    onSuccess: async () => {
      setDone(true);
      setCaption('');
      setPicked((n) => n + 1);
      await queryClient.invalidateQueries({ queryKey: workOrderKey(order.id) });
    },
  });
  const errors = fieldErrors(upload.error, lang);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setDone(false);
    upload.mutate();
  };
  return (
    <InlineForm
      label={t('workOrder.upload')}
      className="wo-photo-form"
      saved={done ? t('workOrder.uploaded') : null}
      error={upload.error}
      onSubmit={submit}
    >
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1.5, alignItems: 'center' }}>
        <Box>
          <FilePicker
            key={picked}
            id="wo-photo-file"
            ref={files}
            label={t('workOrder.photoFile')}
            invalid={errors.has('file')}
            describedBy={errors.has('file') ? 'wo-photo-file-error' : undefined}
          />
          {errors.has('file') ? (
            <Typography id="wo-photo-file-error" sx={{ color: colors.error, fontSize: '0.8rem' }}>
              {problemAt(errors, 'file')}
            </Typography>
          ) : null}
        </Box>
        <TextField
          id="wo-photo-phase"
          select
          size="small"
          label={t('workOrder.phase')}
          value={phase}
          onChange={(e) => setPhase(e.target.value)}
          error={errors.has('phase')}
          helperText={problemAt(errors, 'phase')}
          slotProps={{ select: { native: true }, inputLabel: { shrink: true } }}
        >
          {order.photoPhases.map((p) => (
            <option key={p.value} value={p.value}>
              {pickLabel(p.label, lang)}
            </option>
          ))}
        </TextField>
        <TextField
          id="wo-photo-caption"
          size="small"
          label={t('workOrder.caption')}
          value={caption}
          onChange={(e) => setCaption(e.target.value)}
          error={errors.has('caption')}
          helperText={problemAt(errors, 'caption')}
        />
        <Button type="submit" variant="contained" disabled={upload.isPending}>
          {t('workOrder.upload')}
        </Button>
      </Box>
    </InlineForm>
  );
}

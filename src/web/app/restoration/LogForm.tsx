// One step of treatment into the log (date, technique, leaves 叶, hours, notes) with optional photos
// of it. Numbers go as typed: an empty or negative one is the server's to refuse, and its problems
// appear under their fields.
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import TextField from '@mui/material/TextField';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../api/client.js';
import { currentLang } from '../i18n/index.js';
import { fieldErrors } from '../records/fieldErrors.js';
import { FilePicker } from './FilePicker.js';
import { InlineForm, problemAt } from './Problems.js';
import { workOrderKey, type RestorationTerm, type WorkOrder } from './types.js';
import { uploadPhotos } from './PhotoForm.js';

const today = () => new Date().toLocaleString('sv-SE', { timeZone: 'Asia/Shanghai' }).slice(0, 10);

export function LogForm({ order, terms }: { order: WorkOrder; terms: readonly RestorationTerm[] }) {
  const { t } = useTranslation();
  const lang = currentLang();
  const queryClient = useQueryClient();
  const empty = { workDate: today(), step: '', leavesTreated: '', hours: '', notes: '' };
  const [v, setV] = useState(empty);
  const [done, setDone] = useState(false);
  const files = useRef<HTMLInputElement>(null);
  // A new picker after each success: the chosen names go with the sent files.
  const [picked, setPicked] = useState(0);
  const add = useMutation({
    mutationFn: async () => {
      const number = (s: string) => (s.trim() === '' ? (null as unknown as number) : Number(s));
      const { entry } = await call(() =>
        api.POST('/api/work-orders/{id}/log', {
          params: { path: { id: order.id } },
          body: {
            ...(v.workDate ? { workDate: v.workDate } : {}),
            step: v.step,
            leavesTreated: number(v.leavesTreated),
            hours: number(v.hours),
            notes: v.notes.trim() || null,
          },
        }),
      );
      const chosen = [...(files.current?.files ?? [])];
      if (chosen.length)
        await uploadPhotos(order.id, chosen, { phase: 'during', logEntryId: entry.id, caption: v.step });
    },
    onSuccess: async () => {
      setDone(true);
      setV(empty);
      setPicked((n) => n + 1);
      await queryClient.invalidateQueries({ queryKey: workOrderKey(order.id) });
    },
  });
  const errors = fieldErrors(add.error, lang);
  const set = (key: keyof typeof empty) => (e: { target: { value: string } }) =>
    setV((old) => ({ ...old, [key]: e.target.value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setDone(false);
    add.mutate();
  };
  const field = (key: keyof typeof empty) => ({
    id: `wo-log-${key}`,
    size: 'small' as const,
    value: v[key],
    onChange: set(key),
    error: errors.has(key),
    helperText: problemAt(errors, key),
  });
  return (
    <InlineForm
      label={t('workOrder.log')}
      className="wo-log-form"
      saved={done ? t('workOrder.logged') : null}
      error={add.error}
      onSubmit={submit}
    >
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1.5, alignItems: 'flex-start' }}>
        <TextField
          {...field('workDate')}
          type="date"
          label={t('workOrder.workDate')}
          slotProps={{ inputLabel: { shrink: true } }}
        />
        <TextField
          {...field('step')}
          select
          label={t('workOrder.step')}
          slotProps={{ select: { native: true }, inputLabel: { shrink: true } }}
          sx={{ minWidth: '10rem' }}
        >
          <option value="">{t('workOrder.none')}</option>
          {terms
            .filter((x) => x.kind === 'technique' && x.active)
            .map((x) => (
              <option key={x.id} value={x.value}>
                {lang === 'en' ? (x.labelEn ?? x.value) : x.value}
              </option>
            ))}
        </TextField>
        <TextField
          {...field('leavesTreated')}
          type="number"
          label={t('workOrder.leaves')}
          slotProps={{ htmlInput: { step: 1 } }}
          sx={{ width: '8rem' }}
        />
        <TextField
          {...field('hours')}
          type="number"
          label={t('workOrder.hours')}
          slotProps={{ htmlInput: { step: 0.25 } }}
          sx={{ width: '8rem' }}
        />
        <TextField {...field('notes')} label={t('workOrder.notes')} sx={{ flex: '1 1 16rem' }} />
      </Box>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1.5, alignItems: 'flex-end', mt: 1.5 }}>
        <FilePicker key={picked} id="wo-log-file" ref={files} label={t('workOrder.logPhoto')} />
        <Button type="submit" variant="contained" disabled={add.isPending}>
          {t('workOrder.addLog')}
        </Button>
      </Box>
    </InlineForm>
  );
}

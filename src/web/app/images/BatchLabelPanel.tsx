// Label a run of pages at once by a 卷/叶 pattern (卷一 葉一a, 葉一b, 葉二a …): choose the pages,
// see every label the pattern gives, then store them in one request (all or none).
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../api/client.js';
import { currentLang } from '../i18n/index.js';
import { fieldErrors } from '../records/fieldErrors.js';
import { ErrorAlert } from '../shell/ErrorAlert.js';
import { useRefreshImages, type PageImage } from './imageData.js';
import { DEFAULT_PATTERN, leafLabels, type LeafPattern } from './leafPattern.js';

const PREVIEW_HEAD = 4;

export function BatchLabelPanel({ censusNumber, images }: { censusNumber: string; images: PageImage[] }) {
  const { t } = useTranslation();
  const refresh = useRefreshImages(censusNumber);
  const [from, setFrom] = useState('1');
  const [to, setTo] = useState(String(images.length));
  const [pattern, setPattern] = useState<LeafPattern>(DEFAULT_PATTERN);
  const [done, setDone] = useState<string | null>(null);
  const first = Number(from);
  const last = Number(to);
  const rangeOk =
    Number.isInteger(first) && Number.isInteger(last) && first >= 1 && last <= images.length && first <= last;
  const chosen = rangeOk ? images.slice(first - 1, last) : [];
  const labels = leafLabels(pattern, chosen.length);
  const save = useMutation({
    mutationFn: () =>
      call(() =>
        api.PUT('/api/records/{censusNumber}/images/labels', {
          params: { path: { censusNumber } },
          body: {
            // A page still processing changes version when its derivatives are done (not a person's edit).
            items: chosen.map((image, i) => ({
              id: image.id,
              label: labels[i]!,
              ...(image.status === 'processing' ? {} : { version: image.version }),
            })),
          },
        }),
      ),
    onSuccess: async () => {
      setDone(t('images.batchDone', { from: first, to: last, n: chosen.length }));
      await refresh();
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setDone(null);
    if (rangeOk) save.mutate();
  };
  const set = <K extends keyof LeafPattern>(key: K, value: LeafPattern[K]) => {
    setDone(null);
    setPattern((p) => ({ ...p, [key]: value }));
  };
  const problems = [...fieldErrors(save.error, currentLang()).values()].flat();
  const preview =
    labels.length > PREVIEW_HEAD + 1
      ? [...labels.slice(0, PREVIEW_HEAD), '…', labels[labels.length - 1]!]
      : labels;
  const rangeError = rangeOk ? '' : t('images.rangeInvalid', { n: images.length });
  return (
    <Paper variant="outlined" component="section" aria-labelledby="batch-title" sx={{ p: 2, mb: 2 }}>
      <Typography variant="h2" id="batch-title" sx={{ mb: 0.5 }}>
        {t('images.batchTitle')}
      </Typography>
      <Typography sx={{ color: 'text.secondary', mb: 1.5, fontSize: '0.9rem' }}>
        {t('images.batchIntro')}
      </Typography>
      {done ? (
        <Alert severity="success" role="status" sx={{ mb: 1.5 }}>
          {done}
        </Alert>
      ) : null}
      {save.error ? (
        problems.length ? (
          <Alert severity="error" role="alert" sx={{ mb: 1.5 }}>
            {problems.join('；')}
          </Alert>
        ) : (
          <ErrorAlert error={save.error} />
        )
      ) : null}
      <Box component="form" noValidate onSubmit={submit}>
        <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1.5, mb: 1.5 }}>
          <TextField
            id="batch-from"
            label={t('images.fromPage')}
            type="number"
            size="small"
            value={from}
            onChange={(e) => setFrom(e.target.value)}
            error={!rangeOk}
            slotProps={{ htmlInput: { min: 1, max: images.length } }}
            sx={{ width: '8rem' }}
          />
          <TextField
            id="batch-to"
            label={t('images.toPage')}
            type="number"
            size="small"
            value={to}
            onChange={(e) => setTo(e.target.value)}
            error={!rangeOk}
            helperText={rangeError}
            slotProps={{ htmlInput: { min: 1, max: images.length } }}
            sx={{ width: '8rem' }}
          />
          <TextField
            id="batch-juan"
            label={t('images.juan')}
            size="small"
            value={pattern.juan}
            onChange={(e) => set('juan', e.target.value)}
            helperText={t('images.juanHint')}
            slotProps={{ htmlInput: { maxLength: 40 } }}
            sx={{ width: '10rem' }}
          />
          <TextField
            id="batch-leaf-word"
            label={t('images.leafWord')}
            size="small"
            value={pattern.leafWord}
            onChange={(e) => set('leafWord', e.target.value)}
            slotProps={{ htmlInput: { maxLength: 4 } }}
            sx={{ width: '6rem' }}
          />
          <TextField
            id="batch-first-leaf"
            label={t('images.firstLeaf')}
            type="number"
            size="small"
            value={pattern.firstLeaf}
            onChange={(e) => set('firstLeaf', Math.max(1, Math.floor(Number(e.target.value) || 1)))}
            slotProps={{ htmlInput: { min: 1 } }}
            sx={{ width: '7rem' }}
          />
          <TextField
            id="batch-sides"
            select
            label={t('images.sides')}
            size="small"
            value={pattern.sides}
            onChange={(e) => set('sides', e.target.value as LeafPattern['sides'])}
            sx={{ width: '11rem' }}
          >
            <MenuItem value="ab">{t('images.sidesAb')}</MenuItem>
            <MenuItem value="single">{t('images.sidesSingle')}</MenuItem>
          </TextField>
          {pattern.sides === 'ab' ? (
            <TextField
              id="batch-first-side"
              select
              label={t('images.firstSide')}
              size="small"
              value={pattern.firstSide}
              onChange={(e) => set('firstSide', e.target.value as LeafPattern['firstSide'])}
              sx={{ width: '9rem' }}
            >
              <MenuItem value="a">{t('images.sideA')}</MenuItem>
              <MenuItem value="b">{t('images.sideB')}</MenuItem>
            </TextField>
          ) : null}
          <TextField
            id="batch-numerals"
            select
            label={t('images.numerals')}
            size="small"
            value={pattern.numerals}
            onChange={(e) => set('numerals', e.target.value as LeafPattern['numerals'])}
            sx={{ width: '14rem' }}
          >
            <MenuItem value="chinese">{t('images.numeralsChinese')}</MenuItem>
            <MenuItem value="arabic">{t('images.numeralsArabic')}</MenuItem>
          </TextField>
        </Box>
        <Box sx={{ mb: 1.5 }} aria-live="polite">
          <Typography component="span" sx={{ color: 'text.secondary', mr: 1 }}>
            {t('images.preview')}
          </Typography>
          <Box component="span" id="batch-preview">
            {preview.join('，')}
          </Box>
        </Box>
        <Button type="submit" variant="contained" disabled={!rangeOk || save.isPending}>
          {rangeOk ? t('images.batchApply', { n: chosen.length }) : t('images.batchApplyNone')}
        </Button>
      </Box>
    </Paper>
  );
}

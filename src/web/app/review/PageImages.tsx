// The record's page images beside its fields: the chosen page large enough to read, a strip of
// thumbnails (from the IIIF image service) to choose another, and the full-size page in a dialog.
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../api/client.js';
import { ErrorAlert } from '../shell/ErrorAlert.js';
import { colors } from '../theme.js';
import type { RecordImage } from './types.js';

/** A IIIF Image API URL of the whole page fitted into w × h. */
const fit = (image: RecordImage, w: number, h: number) => `${image.service}/full/!${w},${h}/0/default.jpg`;

export function PageImages({ censusNumber }: { censusNumber: string }) {
  const { t } = useTranslation();
  const pageName = (image: RecordImage, index: number) => image.label || t('review.pageN', { n: index + 1 });
  const images = useQuery({
    queryKey: ['record-images', censusNumber],
    queryFn: () =>
      call(() => api.GET('/api/records/{censusNumber}/images', { params: { path: { censusNumber } } })),
  });
  const [chosen, setChosen] = useState(0);
  const [zoomed, setZoomed] = useState(false);
  const ready = (images.data?.items ?? []).filter((i) => i.status === 'ready');
  const current = ready[Math.min(chosen, ready.length - 1)];
  return (
    <Paper
      component="section"
      variant="outlined"
      aria-labelledby="images-title"
      sx={{ p: 2, position: { md: 'sticky' }, top: { md: 16 } }}
    >
      <Typography variant="h2" id="images-title" sx={{ mb: 1.5 }}>
        {t('review.images')}
      </Typography>
      {images.isError ? <ErrorAlert error={images.error} /> : null}
      {images.isPending ? <Typography role="status">{t('common.loading')}</Typography> : null}
      {images.data && !ready.length ? (
        <Typography sx={{ color: 'text.secondary' }}>
          {images.data.items.length ? t('review.imagesProcessing') : t('review.noImages')}
        </Typography>
      ) : null}
      {current ? (
        <>
          <Box
            component="button"
            type="button"
            onClick={() => setZoomed(true)}
            aria-label={t('review.zoom', { page: pageName(current, ready.indexOf(current)) })}
            sx={{
              display: 'block',
              width: '100%',
              p: 0,
              border: `1px solid ${colors.line}`,
              background: colors.paper,
              cursor: 'zoom-in',
              borderRadius: 1,
            }}
          >
            <Box
              component="img"
              src={fit(current, 800, 1000)}
              alt={pageName(current, ready.indexOf(current))}
              sx={{ display: 'block', width: '100%', maxHeight: '70vh', objectFit: 'contain' }}
            />
          </Box>
          <Typography sx={{ fontSize: '0.85rem', color: 'text.secondary', mt: 0.5 }}>
            {t('review.pageOfPages', {
              page: pageName(current, ready.indexOf(current)),
              n: ready.indexOf(current) + 1,
              total: ready.length,
            })}
          </Typography>
          {ready.length > 1 ? (
            <Box
              component="ul"
              aria-label={t('review.thumbnails')}
              sx={{ listStyle: 'none', p: 0, m: 0, mt: 1, display: 'flex', gap: 1, overflowX: 'auto' }}
            >
              {ready.map((image, i) => (
                <li key={image.id}>
                  <Box
                    component="button"
                    type="button"
                    aria-pressed={image === current}
                    onClick={() => setChosen(i)}
                    sx={{
                      p: 0.25,
                      border: `2px solid ${image === current ? colors.accent : colors.line}`,
                      borderRadius: 1,
                      background: colors.surface,
                      cursor: 'pointer',
                    }}
                  >
                    <Box
                      component="img"
                      src={fit(image, 90, 120)}
                      alt={pageName(image, i)}
                      sx={{ display: 'block', height: 72 }}
                    />
                  </Box>
                </li>
              ))}
            </Box>
          ) : null}
          <Dialog open={zoomed} onClose={() => setZoomed(false)} maxWidth="lg" fullWidth>
            <DialogTitle>{pageName(current, ready.indexOf(current))}</DialogTitle>
            <DialogContent>
              <Box
                component="img"
                src={fit(current, 2000, 2600)}
                alt={pageName(current, ready.indexOf(current))}
                sx={{ display: 'block', maxWidth: '100%', mx: 'auto' }}
              />
            </DialogContent>
            <DialogActions>
              <Button onClick={() => setZoomed(false)}>{t('review.close')}</Button>
            </DialogActions>
          </Dialog>
        </>
      ) : null}
    </Paper>
  );
}

// Upload one or many page images; they join the record after its last page in the order chosen.
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import FormHelperText from '@mui/material/FormHelperText';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useMutation } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLang } from '../i18n/index.js';
import { fieldErrors } from '../records/fieldErrors.js';
import { ErrorAlert } from '../shell/ErrorAlert.js';
import { colors } from '../theme.js';
import { sendFiles, useRefreshImages } from './imageData.js';

export const ACCEPT = '.tif,.tiff,.jpg,.jpeg,.png,image/tiff,image/jpeg,image/png';

export function UploadPanel({ censusNumber }: { censusNumber: string }) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const refresh = useRefreshImages(censusNumber);
  const [missing, setMissing] = useState(false);
  const [done, setDone] = useState<number | null>(null);
  const upload = useMutation({
    mutationFn: (files: File[]) => {
      const form = new FormData();
      for (const file of files) form.append('file', file, file.name);
      return sendFiles('POST', `/api/records/${encodeURIComponent(censusNumber)}/images`, form) as Promise<{
        items: unknown[];
      }>;
    },
    onSuccess: async (answer) => {
      if (input.current) input.current.value = '';
      setDone(answer.items.length);
      await refresh();
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setDone(null);
    upload.reset();
    const files = Array.from(input.current?.files ?? []);
    setMissing(files.length === 0);
    if (files.length) upload.mutate(files);
  };
  const serverProblems = fieldErrors(upload.error, currentLang());
  const problem = missing ? t('images.filesRequired') : [...serverProblems.values()].flat().join('；');
  return (
    <Paper variant="outlined" component="section" aria-labelledby="upload-title" sx={{ p: 2, mb: 2 }}>
      <Typography variant="h2" id="upload-title" sx={{ mb: 1 }}>
        {t('images.upload')}
      </Typography>
      {done !== null ? (
        <Alert severity="success" role="status" sx={{ mb: 1.5 }}>
          {t('images.uploaded', { n: done })}
        </Alert>
      ) : null}
      {upload.error && !serverProblems.size ? <ErrorAlert error={upload.error} /> : null}
      <Box component="form" noValidate onSubmit={submit} data-field="files">
        <Box component="label" htmlFor="image-files" sx={{ display: 'block', mb: 0.5, fontWeight: 600 }}>
          {t('images.files')}
        </Box>
        <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1.5, alignItems: 'center' }}>
          <input
            id="image-files"
            ref={input}
            type="file"
            name="files"
            multiple
            accept={ACCEPT}
            aria-describedby="image-files-hint image-files-error"
            aria-invalid={problem ? true : undefined}
            onChange={() => setMissing(false)}
            style={{
              padding: '0.4rem',
              border: `1px solid ${colors.lineStrong}`,
              borderRadius: 4,
              maxWidth: '100%',
            }}
          />
          <Button type="submit" variant="contained" disabled={upload.isPending}>
            {upload.isPending ? t('images.sending') : t('images.send')}
          </Button>
        </Box>
        <FormHelperText id="image-files-hint">{t('images.filesHint')}</FormHelperText>
        <FormHelperText
          id="image-files-error"
          error
          className="field-error"
          role={problem ? 'alert' : undefined}
        >
          {problem}
        </FormHelperText>
      </Box>
    </Paper>
  );
}

// A file input in the interface language: the browser's own control says "Choose Files / No file
// chosen" in the browser's language whatever the page speaks, so it is kept (keyboard, screen readers,
// drag and drop) but hidden behind a button and the chosen names, both in the page's language.
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { forwardRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { colors } from '../theme.js';

export const FilePicker = forwardRef<
  HTMLInputElement,
  { id: string; label: string; invalid?: boolean; describedBy?: string | undefined }
>(function FilePicker({ id, label, invalid, describedBy }, ref) {
  const { t } = useTranslation();
  const [names, setNames] = useState<string[]>([]);
  return (
    <Box
      sx={{
        display: 'grid',
        gap: 0.5,
        '& input:focus-visible + .file-button': { outline: `3px solid ${colors.focus}`, outlineOffset: 2 },
      }}
    >
      <Typography component="span" id={`${id}-label`}>
        {label}
      </Typography>
      <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
        <input
          id={id}
          ref={ref}
          type="file"
          name="file"
          accept="image/jpeg,image/png,image/tiff"
          multiple
          aria-labelledby={`${id}-label`}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
          onChange={(e) => setNames([...(e.target.files ?? [])].map((f) => f.name))}
          style={{ position: 'absolute', width: 1, height: 1, opacity: 0, overflow: 'hidden' }}
        />
        <Button component="label" htmlFor={id} variant="outlined" size="small" className="file-button">
          {t('workOrder.chooseFiles')}
        </Button>
        <Typography component="span" sx={{ color: 'text.secondary', fontSize: '0.9rem' }} aria-live="polite">
          {names.length ? names.join('、') : t('workOrder.noFileChosen')}
        </Typography>
      </Box>
    </Box>
  );
});

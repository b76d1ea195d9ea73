// Every problem the server found with a form, together, above the form: each detail's message in the
// interface language (the fields show theirs too), never the generic “请求体校验失败” or a request id.
// Takes focus when it appears so keyboard and screen-reader users land on it.
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.js';
import { currentLang } from '../i18n/index.js';
import { ErrorAlert } from '../shell/ErrorAlert.js';

export function Problems({ error, id }: { error: unknown; id?: string }) {
  const { t } = useTranslation();
  const lang = currentLang();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (error) ref.current?.focus();
  }, [error]);
  if (!error) return null;
  const details = error instanceof ApiError ? error.details : [];
  const conflict = error instanceof ApiError && error.code === 'VERSION_CONFLICT';
  return (
    <Box ref={ref} tabIndex={-1} id={id} className="form-problems" sx={{ outline: 'none' }}>
      {details.length ? (
        <Alert severity="error" role="alert" sx={{ my: 1.5 }}>
          <AlertTitle>{t('restoration.problems', { n: details.length })}</AlertTitle>
          <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
            {details.map((d, i) => (
              <li key={i}>
                {(lang === 'en' ? (d.messageEn ?? d.messageZh) : (d.messageZh ?? d.messageEn)) ?? ''}
              </li>
            ))}
          </Box>
        </Alert>
      ) : (
        <ErrorAlert error={error} />
      )}
      {conflict ? (
        <Alert
          severity="warning"
          action={
            <Button color="inherit" size="small" onClick={() => window.location.reload()}>
              {t('workOrder.reload')}
            </Button>
          }
        >
          {t('workOrder.conflict')}
        </Alert>
      ) : null}
    </Box>
  );
}

/** The messages of the problems at one field path (joined), for a field's helper text. */
export function problemAt(errors: Map<string, string[]>, path: string): string | undefined {
  return errors.get(path)?.join('；');
}

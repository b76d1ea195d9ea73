// An error of the API or the network in the interface language, with the request id to quote.
import Alert from '@mui/material/Alert';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.js';
import { currentLang } from '../i18n/index.js';

/** The message of an error in the interface language. */
export function useErrorMessage(): (error: unknown) => string {
  const { t } = useTranslation();
  return (error) => {
    if (error instanceof ApiError) {
      if (error.code === 'NETWORK') return t('common.networkError');
      const text =
        currentLang() === 'en' ? (error.messageEn ?? error.messageZh) : (error.messageZh ?? error.messageEn);
      return text ?? t('common.badResponse');
    }
    return t('common.badResponse');
  };
}

export function ErrorAlert({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const message = useErrorMessage();
  const requestId = error instanceof ApiError && error.status >= 500 ? error.requestId : null;
  return (
    <Alert severity="error" role="alert" sx={{ my: 2 }}>
      {message(error)}
      {requestId ? ` ${t('common.requestId', { id: requestId })}` : null}
    </Alert>
  );
}

// A date and time as a <time>, written in the interface language.
import { currentLang, langTag } from '../i18n/index.js';

/** 2026/12/04 15:20 or 12/04/2026, 3:20 PM, from an ISO string. */
export function formatDateTime(iso: string): string {
  return new Intl.DateTimeFormat(langTag(currentLang()), { dateStyle: 'medium', timeStyle: 'short' }).format(
    new Date(iso),
  );
}

export function DateTime({ iso }: { iso: string | null | undefined }) {
  if (!iso) return null;
  return <time dateTime={iso}>{formatDateTime(iso)}</time>;
}

// The page's <h1> and document title; after an in-app navigation the heading takes focus so screen
// readers and keyboard users start at the new page.
import Typography from '@mui/material/Typography';
import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

let firstPage = true;

export function PageTitle({ children, title }: { children: ReactNode; title: string }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} · ${t('app.name')}`;
  }, [title, t]);
  useEffect(() => {
    if (firstPage) firstPage = false;
    else ref.current?.focus();
  }, []);
  return (
    <Typography variant="h1" ref={ref} tabIndex={-1} sx={{ mb: 2 }}>
      {children}
    </Typography>
  );
}

// A path no route of the table knows.
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { Link } from '../router.js';
import { PageTitle } from '../shell/PageTitle.js';

export default function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle title={t('common.notFoundTitle')}>{t('common.notFoundTitle')}</PageTitle>
      <Typography sx={{ mb: 2 }}>{t('common.notFound')}</Typography>
      <Link href="/">{t('common.backHome')}</Link>
    </>
  );
}

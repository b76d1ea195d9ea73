// /institutions/new — register a collecting institution (administrators; the provinces offered are
// those the server lets this administrator use). Saved, it opens the institution's page.
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import { useTranslation } from 'react-i18next';
import type { PageProps } from '../pages.js';
import { Link, navigate } from '../router.js';
import { setFlash } from '../shell/flash.js';
import { PageTitle } from '../shell/PageTitle.js';
import { InstitutionForm } from '../institutions/InstitutionForm.js';

export default function InstitutionNewPage(_props: PageProps) {
  const { t } = useTranslation();
  return (
    <>
      <Box component="nav" aria-label={t('institutions.breadcrumb')} sx={{ mb: 1 }}>
        <Link href="/institutions">{t('institutions.title')}</Link>
      </Box>
      <PageTitle title={t('institutions.createTitle')}>{t('institutions.createTitle')}</PageTitle>
      <Paper variant="outlined" sx={{ p: { xs: 2, sm: 3 } }}>
        <InstitutionForm
          institution={null}
          onSaved={(saved) => {
            setFlash('institutions.created', { name: saved.name });
            navigate(`/institutions/${encodeURIComponent(saved.id)}`);
          }}
          cancel={
            <Button component={Link} href="/institutions">
              {t('institutions.cancel')}
            </Button>
          }
        />
      </Paper>
    </>
  );
}

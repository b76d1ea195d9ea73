// Other copies of this edition (同版, grouped by the server: same title, first responsible person
// and edition statement) held by other institutions, each one click from reading side by side.
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, call } from '../api/client.js';
import { Link } from '../router.js';

export function OtherCopies({ censusNumber }: { censusNumber: string }) {
  const { t } = useTranslation();
  const copies = useQuery({
    queryKey: ['same-edition', censusNumber],
    retry: false,
    queryFn: () =>
      call(() =>
        api.GET('/api/catalogue/records/{censusNumber}/same-edition', {
          params: { path: { censusNumber } },
        }),
      ),
  });
  // Unpublished records have no group in the public catalogue; a vague edition forms none.
  const list = copies.data?.copies ?? [];
  if (!list.length) return null;
  return (
    <Box component="section" aria-labelledby="other-copies-title" className="other-copies" sx={{ mt: 2 }}>
      <Typography variant="h3" id="other-copies-title" sx={{ fontSize: '1rem', fontWeight: 600, mb: 0.5 }}>
        {t('compare.otherCopies')}
      </Typography>
      <Box component="ul" sx={{ m: 0, pl: 0, listStyle: 'none' }}>
        {list.map((copy) => (
          <Box
            component="li"
            key={copy.censusNumber}
            sx={{ display: 'flex', gap: 1, alignItems: 'baseline', flexWrap: 'wrap', py: 0.5 }}
          >
            <a href={copy.permalink} lang="zh-Hant">
              {copy.title}
            </a>
            <span>
              {copy.institution.name} · {copy.edition}
            </span>
            <Button
              component={Link}
              size="small"
              variant="outlined"
              href={`/compare?${new URLSearchParams({ left: censusNumber, right: copy.censusNumber })}`}
            >
              {t('compare.withThisCopy')}
            </Button>
          </Box>
        ))}
      </Box>
    </Box>
  );
}

// The facet panel of /catalogue: each facet's values with counts as links that add or remove the
// filter (facets combine); labels come from the server. On a phone the panel folds behind a button
// above the results, so the filters are not buried under the list.
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import useMediaQuery from '@mui/material/useMediaQuery';
import { useTheme } from '@mui/material/styles';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLang, pickLabel } from '../i18n/index.js';
import { Link } from '../router.js';
import { colors } from '../theme.js';
import {
  catalogueUrl,
  chosenCount,
  FACETS,
  type CatalogueParams,
  type SearchAnswer,
} from './catalogueQuery.js';

const SHOWN = 12;

export function CatalogueFacets({ params, answer }: { params: CatalogueParams; answer: SearchAnswer }) {
  const { t } = useTranslation();
  const lang = currentLang();
  const theme = useTheme();
  const phone = useMediaQuery(theme.breakpoints.down('md'));
  const [open, setOpen] = useState(false);
  const chosen = chosenCount(params);
  const groups = FACETS.filter((name) => (answer.facets[name] ?? []).length > 0);
  return (
    <Box
      component="aside"
      className="catalogue-facets"
      aria-label={t('catalogue.facets')}
      sx={{ minWidth: 0 }}
    >
      {phone ? (
        <Button
          variant="outlined"
          fullWidth
          aria-expanded={open ? 'true' : 'false'}
          aria-controls="facet-panel"
          onClick={() => setOpen(!open)}
          sx={{ mb: 1.5, justifyContent: 'space-between' }}
        >
          {chosen ? t('catalogue.facetsShow', { n: chosen }) : t('catalogue.facets')}
          <span aria-hidden="true">{open ? '▴' : '▾'}</span>
        </Button>
      ) : (
        <Typography variant="h2" sx={{ mb: 1 }}>
          {t('catalogue.facets')}
        </Typography>
      )}
      <Box id="facet-panel" hidden={phone && !open}>
        {answer.approximate ? (
          <Typography className="facet-note" sx={{ fontSize: '0.85rem', color: 'text.secondary', mb: 1 }}>
            {t('catalogue.approximate')}
          </Typography>
        ) : null}
        {chosen ? (
          <Typography sx={{ mb: 1 }}>
            <Link href={catalogueUrl({ q: params.q })}>{t('catalogue.clear')}</Link>
          </Typography>
        ) : null}
        {groups.map((name) => {
          const values = answer.facets[name]!;
          const shown = values.filter((v, i) => i < SHOWN || v.selected);
          return (
            <Box
              component="section"
              key={name}
              className="facet"
              data-facet={name}
              aria-labelledby={`facet-${name}`}
              sx={{ mb: 2 }}
            >
              <Typography
                variant="h3"
                id={`facet-${name}`}
                sx={{ fontSize: '0.95rem', fontWeight: 600, mb: 0.5, color: colors.muted }}
              >
                {t(`catalogueFacet.${name}`)}
              </Typography>
              <Box component="ul" sx={{ listStyle: 'none', m: 0, p: 0 }}>
                {shown.map((entry) => {
                  const label = pickLabel(entry.label, lang);
                  const next = {
                    ...params,
                    [name]: entry.selected ? undefined : entry.value,
                    page: undefined,
                  };
                  return (
                    <li key={entry.value}>
                      <Box
                        component={Link}
                        href={catalogueUrl(next)}
                        className={entry.selected ? 'facet-value selected' : 'facet-value'}
                        aria-current={entry.selected ? 'true' : undefined}
                        title={entry.selected ? t('catalogue.remove', { label }) : undefined}
                        sx={{
                          display: 'flex',
                          justifyContent: 'space-between',
                          gap: 1,
                          px: 0.75,
                          py: 0.4,
                          borderRadius: 1,
                          color: entry.selected ? colors.surface : colors.link,
                          background: entry.selected ? colors.accent : 'transparent',
                          textDecoration: 'none',
                          '&:hover': { textDecoration: 'underline' },
                        }}
                      >
                        <span className="facet-label">
                          {entry.selected ? '✓ ' : ''}
                          {label}
                        </span>
                        <Box
                          component="span"
                          className="facet-count"
                          sx={{ color: entry.selected ? colors.surface : 'text.secondary', flexShrink: 0 }}
                        >
                          {answer.approximate
                            ? t('catalogue.about', { n: entry.count })
                            : String(entry.count)}
                        </Box>
                      </Box>
                    </li>
                  );
                })}
              </Box>
            </Box>
          );
        })}
      </Box>
    </Box>
  );
}

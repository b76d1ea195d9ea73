// One search result: thumbnail and title both lead to the record's public page (its permalink),
// the matched text marked, then where it is held and its census number.
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { currentLang } from '../i18n/index.js';
import { colors } from '../theme.js';
import { Marked } from './Marked.js';
import type { SearchItem } from './catalogueQuery.js';

export function CatalogueResult({ item }: { item: SearchItem }) {
  const { t } = useTranslation();
  const lang = currentLang();
  const province = lang === 'en' ? (item.province.nameEn ?? item.province.nameZh) : item.province.nameZh;
  const place = [province, item.institution.name].filter(Boolean).join(' · ');
  const meta = [place, item.classification, item.grade].filter(Boolean).join(' · ');
  return (
    <Box
      component="li"
      className="catalogue-result"
      data-census-number={item.censusNumber}
      sx={{
        display: 'grid',
        gridTemplateColumns: { xs: '4.5rem 1fr', sm: '6.5rem 1fr' },
        gap: { xs: 1.5, sm: 2 },
        py: 1.5,
        borderBottom: `1px solid ${colors.line}`,
      }}
    >
      <Box
        component="a"
        className="catalogue-thumb"
        href={item.permalink}
        tabIndex={-1}
        aria-hidden="true"
        sx={{
          display: 'flex',
          alignItems: 'center',
          justifyContent: 'center',
          aspectRatio: '1',
          background: colors.paper,
          border: `1px solid ${colors.line}`,
          borderRadius: 1,
          overflow: 'hidden',
          color: colors.lineStrong,
          fontSize: '2rem',
          textDecoration: 'none',
        }}
      >
        {item.thumbnail ? (
          <img
            src={item.thumbnail}
            alt=""
            loading="lazy"
            width={100}
            height={100}
            style={{ width: '100%', height: '100%', objectFit: 'contain' }}
          />
        ) : (
          <span title={t('catalogue.noImage')}>書</span>
        )}
      </Box>
      <Box sx={{ minWidth: 0 }}>
        <Typography
          variant="h3"
          className="result-title"
          lang="zh-Hant"
          sx={{ fontSize: '1.1rem', fontWeight: 600, m: 0, '& mark': { background: '#f3df9b' } }}
        >
          <a href={item.permalink}>
            <Marked text={item.title} ranges={item.highlights.title} />
          </a>
        </Typography>
        {item.authors ? (
          <Typography className="result-authors" lang="zh-Hant" sx={{ '& mark': { background: '#f3df9b' } }}>
            <Marked text={item.authors} ranges={item.highlights.authors} />
          </Typography>
        ) : null}
        <Typography className="result-edition" lang="zh-Hant" sx={{ '& mark': { background: '#f3df9b' } }}>
          <Marked text={item.edition} ranges={item.highlights.edition} />
        </Typography>
        <Typography className="result-meta" sx={{ fontSize: '0.85rem', color: 'text.secondary' }}>
          {meta ? `${meta} · ` : ''}
          <span className="census-number">
            {t('catalogue.censusNumber')}{' '}
            <Box component="span" sx={{ fontFamily: 'monospace', whiteSpace: 'nowrap' }}>
              {item.censusNumber}
            </Box>
          </span>
        </Typography>
      </Box>
    </Box>
  );
}

// /catalogue — the public catalogue, open to everyone: a search box with title suggestions, the year
// range, facets that combine (folded on a phone), results with the matched text marked whose title
// and thumbnail open the record's public page, the count (exact or estimated) and an empty state.
// Everything shown is in the URL, so any view is a permalink. The server-rendered /catalogue/search
// serves the same results without JavaScript.
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Pagination from '@mui/material/Pagination';
import PaginationItem from '@mui/material/PaginationItem';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  useEffect,
  useRef,
  useState,
  type AnchorHTMLAttributes,
  type FormEvent,
  type ReactNode,
} from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../api/client.js';
import { currentLang } from '../i18n/index.js';
import type { OpenPageProps } from '../pages.js';
import { Link, navigate, useLocation } from '../router.js';
import { ErrorAlert } from '../shell/ErrorAlert.js';
import { PageTitle } from '../shell/PageTitle.js';
import { fieldErrors } from '../records/fieldErrors.js';
import { CatalogueFacets } from '../catalogue/CatalogueFacets.js';
import { CatalogueResult } from '../catalogue/CatalogueResult.js';
import {
  catalogueUrl,
  paramsOf,
  type CatalogueParams,
  type SearchAnswer,
} from '../catalogue/catalogueQuery.js';

const PAGE_SIZE = 20;

function ItemLink({
  href,
  children,
  ...rest
}: { href: string; children?: ReactNode } & AnchorHTMLAttributes<HTMLAnchorElement>) {
  return (
    <Link href={href} {...rest}>
      {children}
    </Link>
  );
}

/** Title suggestions for what is being typed (a convenience: failures are silent). */
function useSuggestions(text: string) {
  const [q, setQ] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQ(text.trim()), 200);
    return () => clearTimeout(timer);
  }, [text]);
  return useQuery({
    queryKey: ['catalogue-suggest', q],
    enabled: q.length > 0,
    queryFn: () => call(() => api.GET('/api/catalogue/suggest', { params: { query: { q } } })),
    select: (answer) => ('suggestions' in answer ? answer.suggestions.map((s) => s.title) : []),
  });
}

function SearchForm({ params, error }: { params: CatalogueParams; error: unknown }) {
  const { t } = useTranslation();
  const problems = fieldErrors(error, currentLang());
  const [values, setValues] = useState({
    q: params.q ?? '',
    yearFrom: params.yearFrom ?? '',
    yearTo: params.yearTo ?? '',
  });
  useEffect(
    () => setValues({ q: params.q ?? '', yearFrom: params.yearFrom ?? '', yearTo: params.yearTo ?? '' }),
    [params.q, params.yearFrom, params.yearTo],
  );
  const suggestions = useSuggestions(values.q);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    navigate(
      catalogueUrl({
        ...params,
        q: values.q.trim(),
        yearFrom: values.yearFrom.trim(),
        yearTo: values.yearTo.trim(),
        page: undefined,
      }),
    );
  };
  const year = (name: 'yearFrom' | 'yearTo', hint?: string) => (
    <TextField
      id={`catalogue-${name}`}
      name={name}
      label={t(`catalogue.${name}`)}
      size="small"
      value={values[name]}
      onChange={(e) => setValues({ ...values, [name]: e.target.value })}
      error={problems.has(name)}
      helperText={problems.get(name)?.join('；') ?? hint}
      slotProps={{ htmlInput: { inputMode: 'numeric', maxLength: 6 } }}
      sx={{ width: { xs: '100%', sm: '11rem' } }}
    />
  );
  return (
    <Box component="form" role="search" noValidate onSubmit={submit} sx={{ mb: 2 }}>
      <Box sx={{ display: 'flex', gap: 1, alignItems: 'flex-start', mb: 1.5 }}>
        <TextField
          id="catalogue-q"
          name="q"
          type="search"
          label={t('catalogue.q')}
          placeholder={t('catalogue.qHint')}
          fullWidth
          value={values.q}
          onChange={(e) => setValues({ ...values, q: e.target.value })}
          error={problems.has('q')}
          helperText={problems.get('q')?.join('；')}
          autoComplete="off"
          slotProps={{ htmlInput: { maxLength: 200, list: 'catalogue-suggestions' } }}
        />
        <datalist id="catalogue-suggestions">
          {(suggestions.data ?? []).map((title) => (
            <option key={title} value={title} />
          ))}
        </datalist>
        <Button type="submit" variant="contained" sx={{ height: '3.5rem', flexShrink: 0 }}>
          {t('catalogue.search')}
        </Button>
      </Box>
      <Box sx={{ display: 'flex', gap: 1.5, flexWrap: 'wrap' }}>
        {year('yearFrom', t('catalogue.yearHint'))}
        {year('yearTo')}
      </Box>
    </Box>
  );
}

function Results({ params, answer }: { params: CatalogueParams; answer: SearchAnswer }) {
  const { t } = useTranslation();
  const pages = Math.min(10000, Math.ceil(answer.total / answer.pageSize));
  const count = answer.totalApproximate
    ? t('catalogue.countAbout', { total: answer.total })
    : t('catalogue.count', { total: answer.total });
  const browsing = !params.q && !Object.entries(params).some(([k, v]) => k !== 'page' && v);
  return (
    <Box
      component="section"
      className="catalogue-results"
      aria-labelledby="results-title"
      sx={{ minWidth: 0 }}
    >
      <Typography variant="h2" id="results-title" sx={{ mb: 0.5 }}>
        {t('catalogue.results')}
      </Typography>
      <Typography className="catalogue-count" role="status" sx={{ color: 'text.secondary', mb: 1 }}>
        {browsing ? `${t('catalogue.browse')} · ${count}` : count} ·{' '}
        <Link href={catalogueUrl(params)} className="permalink">
          {t('catalogue.permalink')}
        </Link>
      </Typography>
      {answer.items.length ? (
        <Box
          component="ol"
          className="catalogue-list"
          start={(answer.page - 1) * answer.pageSize + 1}
          sx={{ listStyle: 'none', m: 0, p: 0 }}
        >
          {answer.items.map((item) => (
            <CatalogueResult key={item.censusNumber} item={item} />
          ))}
        </Box>
      ) : (
        <Box className="empty" sx={{ py: 3 }}>
          <Typography sx={{ fontWeight: 600 }}>{t('catalogue.none')}</Typography>
          <Typography sx={{ color: 'text.secondary' }}>{t('catalogue.noneHint')}</Typography>
        </Box>
      )}
      {pages > 1 ? (
        <Pagination
          sx={{ mt: 2 }}
          page={answer.page}
          count={pages}
          aria-label={t('catalogue.pages')}
          renderItem={(item) => (
            <PaginationItem
              component={ItemLink}
              href={catalogueUrl({ ...params, page: String(item.page ?? 1) })}
              {...item}
              aria-label={item.type === 'page' ? t('records.pageN', { n: item.page }) : undefined}
            />
          )}
        />
      ) : null}
    </Box>
  );
}

export default function CataloguePage(_props: OpenPageProps) {
  const { t } = useTranslation();
  const { search } = useLocation();
  const params = paramsOf(search);
  const key = catalogueUrl(params);
  const first = useRef(true);
  const answer = useQuery({
    queryKey: ['catalogue', key],
    placeholderData: keepPreviousData,
    // openapi-fetch widens the highlight tuples to number[][]; the document says [start, end].
    queryFn: async (): Promise<SearchAnswer> =>
      (await call(() =>
        api.GET('/api/catalogue/search', {
          params: { query: { ...(params as Record<string, never>), pageSize: PAGE_SIZE } },
        }),
      )) as SearchAnswer,
  });
  // After a new search the results heading takes focus (not on the first load: the title has it).
  useEffect(() => {
    if (first.current) first.current = false;
    else if (answer.data) document.getElementById('results-title')?.scrollIntoView({ block: 'nearest' });
  }, [key, answer.data]);
  const error = answer.error;
  const problems = fieldErrors(error, currentLang());
  return (
    <>
      <PageTitle title={params.q ? `${params.q} · ${t('catalogue.title')}` : t('catalogue.title')}>
        {t('catalogue.title')}
      </PageTitle>
      <Typography sx={{ mb: 2, color: 'text.secondary' }}>{t('catalogue.intro')}</Typography>
      <SearchForm params={params} error={error} />
      {error ? (
        // Problems of a field are shown under it; the rest (or a failure) here, all at once.
        problems.size && [...problems.keys()].every((k) => k !== '') ? (
          <Alert severity="error" role="alert" sx={{ mb: 2 }}>
            {[...problems.values()].flat().join('；')}
          </Alert>
        ) : (
          <ErrorAlert error={error} />
        )
      ) : null}
      {answer.data ? (
        <Box
          sx={{
            display: 'grid',
            gap: { xs: 1, md: 3 },
            gridTemplateColumns: { xs: '1fr', md: '15rem 1fr' },
            alignItems: 'start',
            opacity: answer.isPlaceholderData ? 0.6 : 1,
          }}
        >
          <CatalogueFacets params={params} answer={answer.data} />
          <Results params={params} answer={answer.data} />
        </Box>
      ) : answer.isPending ? (
        <Typography role="status" sx={{ color: 'text.secondary' }}>
          {t('common.loading')}
        </Typography>
      ) : null}
    </>
  );
}

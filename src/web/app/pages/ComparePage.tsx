// /compare — two copies side by side in Mirador, pages turning and zooming together (the reader can
// turn that off). Open to everyone: the public compares published records, staff any record they
// may read. Three forms of address:
//   ?left=CN&right=CN                    two records by census number;
//   ?workOrder=ID                        a work order's manifest, first "before" leaf beside the first "after";
//   ?leftManifest=/…&rightManifest=/…    any two same-site manifests.
// A side that cannot be opened (unknown number, a title typed instead, a record not public) is said
// so on the page, in the reader's language, with the catalogue's matches for what was typed.
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import useMediaQuery from '@mui/material/useMediaQuery';
import { useTheme } from '@mui/material/styles';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, call } from '../api/client.js';
import { currentLang, type Lang } from '../i18n/index.js';
import type { OpenPageProps } from '../pages.js';
import { Link, navigate, useLocation } from '../router.js';
import { useErrorMessage } from '../shell/ErrorAlert.js';
import { PageTitle } from '../shell/PageTitle.js';
import { MiradorViewer, type ViewerWindow } from '../records/MiradorViewer.js';

type LanguageMap = Record<string, string[] | undefined>;
interface Manifest {
  id: string;
  label?: LanguageMap;
  provider?: Array<{ label?: LanguageMap }>;
  items?: Array<{ id: string }>;
  structures?: Array<{ id: string; items: Array<{ id: string }> }>;
}

/** A manifest the session may read, or the server's error (ApiError) for it. */
async function fetchManifest(path: string): Promise<Manifest> {
  let res: Response;
  try {
    res = await fetch(path, { credentials: 'same-origin', headers: { accept: 'application/json' } });
  } catch {
    throw new ApiError(0, 'NETWORK', null, null, [], null, null);
  }
  const body = (await res.json().catch(() => ({}))) as Manifest & {
    error?: { code?: string; messageZh?: string; messageEn?: string; message?: string };
  };
  if (!res.ok) {
    const e = body.error ?? {};
    throw new ApiError(
      res.status,
      e.code ?? 'HTTP_ERROR',
      e.messageZh ?? e.message ?? null,
      e.messageEn ?? e.message ?? null,
      [],
      null,
      null,
    );
  }
  return body;
}

const manifestPath = (censusNumber: string) => `/iiif/manifest/${encodeURIComponent(censusNumber)}`;

/** A manifest label in the reader's language (traditional as catalogued, else simplified). */
function labelOf(map: LanguageMap | undefined, lang: Lang): string {
  if (!map) return '';
  const order = lang === 'en' ? ['en', 'zh-Hant', 'zh-Hans', 'zh'] : ['zh-Hant', 'zh-Hans', 'zh', 'en'];
  for (const key of order) if (map[key]?.[0]) return map[key]![0]!;
  return Object.values(map)[0]?.[0] ?? '';
}

/** Same-site manifest paths only: the page sends the session cookie with Mirador's requests. */
const sameSite = (url: string | null) => (url && url.startsWith('/') && !url.startsWith('//') ? url : null);

/** What one side of a census-number comparison turned out to be. */
function useSide(value: string) {
  return useQuery({
    queryKey: ['compare-side', value],
    enabled: value !== '',
    retry: false,
    queryFn: () => fetchManifest(manifestPath(value)),
  });
}

/** The catalogue's records matching what was typed on a side that could not be opened. */
function Candidates({ value, other, side }: { value: string; other: string; side: 'left' | 'right' }) {
  const { t } = useTranslation();
  const found = useQuery({
    queryKey: ['compare-candidates', value],
    queryFn: () =>
      call(() => api.GET('/api/catalogue/search', { params: { query: { q: value, pageSize: 5 } } })),
  });
  const items = (found.data?.items ?? []).filter((i) => i.censusNumber !== other);
  return (
    <>
      {items.length ? (
        <>
          <Typography sx={{ mt: 1 }}>{t('compare.candidates', { value })}</Typography>
          <Box component="ul" sx={{ my: 0.5, pl: 2.5 }} className="compare-candidates">
            {items.map((item) => {
              const pair =
                side === 'left'
                  ? { left: item.censusNumber, right: other }
                  : { left: other, right: item.censusNumber };
              return (
                <li key={item.censusNumber}>
                  <Link href={`/compare?${new URLSearchParams(pair)}`} lang="zh-Hant">
                    {item.title}
                  </Link>{' '}
                  — {item.institution.name} · {item.edition} ·{' '}
                  <Box component="span" sx={{ fontFamily: 'monospace' }}>
                    {item.censusNumber}
                  </Box>
                </li>
              );
            })}
          </Box>
        </>
      ) : null}
      <Typography sx={{ mt: 0.5 }}>
        <Link href={`/catalogue?${new URLSearchParams({ q: value })}`}>
          {t('compare.searchFor', { value })}
        </Link>
      </Typography>
    </>
  );
}

/** The form to choose (or correct) the two census numbers; each side's problem under its field. */
function CompareForm({
  left,
  right,
  problems,
}: {
  left: string;
  right: string;
  problems: { left?: string; right?: string };
}) {
  const { t } = useTranslation();
  const [values, setValues] = useState({ left, right });
  useEffect(() => setValues({ left, right }), [left, right]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    navigate(`/compare?${new URLSearchParams({ left: values.left.trim(), right: values.right.trim() })}`);
  };
  const field = (name: 'left' | 'right') => (
    <TextField
      id={`compare-${name}`}
      name={name}
      label={t(`compare.${name}`)}
      size="small"
      value={values[name]}
      onChange={(e) => setValues({ ...values, [name]: e.target.value })}
      error={Boolean(problems[name])}
      helperText={problems[name]}
      slotProps={{ htmlInput: { maxLength: 64, spellCheck: false } }}
      sx={{ flex: '1 1 14rem' }}
    />
  );
  return (
    <Box
      component="form"
      noValidate
      onSubmit={submit}
      aria-label={t('compare.title')}
      sx={{ display: 'flex', gap: 1.5, flexWrap: 'wrap', alignItems: 'flex-start', mb: 2 }}
    >
      {field('left')}
      {field('right')}
      <Button type="submit" variant="contained" sx={{ height: '2.5rem' }}>
        {t('compare.open')}
      </Button>
    </Box>
  );
}

/** The viewer with its sync switch; `syncFirst` off where both windows show one manifest (before/after). */
function Viewer({ windows, syncFirst = true }: { windows: ViewerWindow[]; syncFirst?: boolean }) {
  const { t } = useTranslation();
  const theme = useTheme();
  const phone = useMediaQuery(theme.breakpoints.down('md'));
  const [sync, setSync] = useState(syncFirst);
  return (
    <>
      <FormControlLabel
        control={<Checkbox checked={sync} onChange={(e) => setSync(e.target.checked)} name="sync" />}
        label={t('compare.sync')}
      />
      <MiradorViewer windows={windows} sync={sync} stacked={phone} height={phone ? '85vh' : '80vh'} />
    </>
  );
}

/** Title, holding and permalink of a side above the viewer. */
function Caption({
  censusNumber,
  manifest,
  anonymous,
}: {
  censusNumber: string;
  manifest: Manifest;
  anonymous: boolean;
}) {
  const lang = currentLang();
  const href = anonymous
    ? `/catalogue/records/${encodeURIComponent(censusNumber)}`
    : `/records/${encodeURIComponent(censusNumber)}`;
  return (
    <Box sx={{ minWidth: 0 }} className="compare-caption" data-census-number={censusNumber}>
      <Typography sx={{ fontWeight: 600 }} lang="zh-Hant">
        <a href={href}>{labelOf(manifest.label, lang)}</a>
      </Typography>
      <Typography sx={{ fontSize: '0.85rem', color: 'text.secondary' }}>
        {labelOf(manifest.provider?.[0]?.label, lang)}
        {manifest.provider?.[0]?.label ? ' · ' : ''}
        <Box component="span" sx={{ fontFamily: 'monospace' }}>
          {censusNumber}
        </Box>
      </Typography>
    </Box>
  );
}

function CompareRecords({ left, right, anonymous }: { left: string; right: string; anonymous: boolean }) {
  const { t } = useTranslation();
  const message = useErrorMessage();
  const leftSide = useSide(left);
  const rightSide = useSide(right);
  const same = left !== '' && left === right;
  const problemOf = (value: string, side: ReturnType<typeof useSide>): string | undefined => {
    if (!value) return t('compare.needTwo');
    if (side.error) {
      return t('compare.cannotOpen', { value, reason: message(side.error) });
    }
    if (side.data && !side.data.items?.length)
      return t('compare.cannotOpen', { value, reason: t('compare.noImages') });
    return undefined;
  };
  const problems = {
    left: problemOf(left, leftSide),
    right: same ? t('compare.same') : problemOf(right, rightSide),
  };
  const ready = !problems.left && !problems.right && leftSide.data && rightSide.data;
  const pending = (left && leftSide.isPending) || (right && rightSide.isPending);
  return (
    <>
      <CompareForm left={left} right={right} problems={problems} />
      {!ready && !pending && (left || right) ? (
        <Alert severity="error" role="alert" sx={{ mb: 2 }} className="compare-problems">
          {(['left', 'right'] as const)
            .filter((side) => problems[side])
            .map((side) => (
              <Box key={side} sx={{ mb: 1 }} data-side={side}>
                <Typography>{problems[side]}</Typography>
                {(side === 'left' ? leftSide : rightSide).error && (side === 'left' ? left : right) ? (
                  <Candidates
                    value={side === 'left' ? left : right}
                    other={side === 'left' ? right : left}
                    side={side}
                  />
                ) : null}
              </Box>
            ))}
        </Alert>
      ) : null}
      {!left && !right ? (
        <Typography sx={{ color: 'text.secondary' }}>{t('compare.needTwo')}</Typography>
      ) : null}
      {pending ? (
        <Typography role="status" sx={{ color: 'text.secondary' }}>
          {t('common.loading')}
        </Typography>
      ) : null}
      {ready ? (
        <>
          <Box sx={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 2, mb: 1 }}>
            <Caption censusNumber={left} manifest={leftSide.data} anonymous={anonymous} />
            <Caption censusNumber={right} manifest={rightSide.data} anonymous={anonymous} />
          </Box>
          <Viewer windows={[{ manifestId: manifestPath(left) }, { manifestId: manifestPath(right) }]} />
        </>
      ) : null}
    </>
  );
}

/** ?workOrder=ID: the order's first "before" leaf beside its first "after" one. */
function CompareWorkOrder({ workOrder }: { workOrder: string }) {
  const { t } = useTranslation();
  const manifestId = `/iiif/manifest/work-order/${encodeURIComponent(workOrder)}`;
  const manifest = useQuery({
    queryKey: ['compare-work-order', workOrder],
    retry: false,
    queryFn: () => fetchManifest(manifestId),
  });
  if (manifest.isPending)
    return (
      <Typography role="status" sx={{ color: 'text.secondary' }}>
        {t('common.loading')}
      </Typography>
    );
  const m = manifest.data;
  const first = (phase: string) => m?.structures?.find((r) => r.id.endsWith(`/range/${phase}`))?.items[0]?.id;
  const before = first('before') ?? m?.items?.[0]?.id;
  const after = first('after') ?? m?.items?.at(-1)?.id;
  if (!before || !after)
    return (
      <Alert severity="error" role="alert">
        {t('compare.badManifest')}
      </Alert>
    );
  return (
    <Viewer
      syncFirst={false}
      windows={[
        { manifestId, canvasId: before },
        { manifestId, canvasId: after },
      ]}
    />
  );
}

export default function ComparePage({ me }: OpenPageProps) {
  const { t } = useTranslation();
  const { search } = useLocation();
  const workOrder = search.get('workOrder');
  if (workOrder) {
    return (
      <>
        <PageTitle title={t('compare.beforeAfter')}>{t('compare.beforeAfter')}</PageTitle>
        <CompareWorkOrder workOrder={workOrder} />
      </>
    );
  }
  if (search.has('leftManifest') || search.has('rightManifest')) {
    const left = sameSite(search.get('leftManifest'));
    const right = sameSite(search.get('rightManifest'));
    return (
      <>
        <PageTitle title={t('compare.title')}>{t('compare.title')}</PageTitle>
        {left && right ? (
          <Viewer windows={[{ manifestId: left }, { manifestId: right }]} />
        ) : (
          <Alert severity="error" role="alert">
            {t('compare.badManifest')}
          </Alert>
        )}
      </>
    );
  }
  const left = (search.get('left') ?? '').trim();
  const right = (search.get('right') ?? '').trim();
  return (
    <>
      <PageTitle title={left && right ? `${t('compare.title')} ${left} · ${right}` : t('compare.title')}>
        {t('compare.title')}
      </PageTitle>
      <Typography sx={{ color: 'text.secondary', mb: 1.5 }}>{t('compare.intro')}</Typography>
      <CompareRecords left={left} right={right} anonymous={!me} />
    </>
  );
}

// /records/:censusNumber/condition — a record's grading and condition: the current damage level and
// acidity, the grading form (古籍), the condition assessment with its live computed level, and the
// history with each assessment beside the one before. Reached from a work order (?workOrder=) it is
// that order's after-treatment assessment: it names the order, confirms the save and leads back.
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Alert from '@mui/material/Alert';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, call } from '../api/client.js';
import { currentLang, pickLabel } from '../i18n/index.js';
import type { PageProps } from '../pages.js';
import { Link, useLocation } from '../router.js';
import { ErrorAlert } from '../shell/ErrorAlert.js';
import { PageTitle } from '../shell/PageTitle.js';
import { colors, fonts } from '../theme.js';
import { AssessmentForm, SavedAlert } from '../condition/AssessmentForm.js';
import { GradingForm } from '../condition/GradingForm.js';
import { assessmentsKey, gradingsKey, type Assessments } from '../condition/types.js';
import { workOrderKey } from '../restoration/types.js';

type Acidity = Assessments['acidity'];

function AcidityBadge({ acidity }: { acidity: Acidity }) {
  const lang = currentLang();
  if (!acidity) return null;
  return (
    <Box
      component="strong"
      data-testid="acidity"
      sx={{
        display: 'inline-block',
        ml: 1,
        px: 1,
        borderRadius: 1,
        fontSize: '0.9rem',
        bgcolor: acidity.needsDeacidification ? colors.accentSoft : 'transparent',
        border: `1px solid ${acidity.needsDeacidification ? colors.accent : colors.line}`,
      }}
    >
      pH {acidity.lowestPh} · {lang === 'en' ? acidity.labelEn : acidity.labelZh}
    </Box>
  );
}

function History({ data }: { data: Assessments }) {
  const { t } = useTranslation();
  const lang = currentLang();
  return (
    <Paper variant="outlined" component="section" aria-labelledby="cond-history-title" sx={{ p: 2, mb: 2 }}>
      <Typography variant="h2" id="cond-history-title" sx={{ mb: 1 }}>
        {t('condition.history')}
      </Typography>
      {data.items.length ? (
        <Box component="ol" data-testid="history" sx={{ m: 0, pl: 2.5 }}>
          {data.items.map((a) => (
            <Box component="li" key={a.id} className="assessment" sx={{ mb: 1.5 }}>
              <Typography>
                {a.assessedOn} · {a.assessor} · <strong>{pickLabel(a.finalLevelLabel, lang)}</strong>
                {a.overridden
                  ? `（${t('condition.computedWas', { level: pickLabel(a.computedLevelLabel, lang), reason: a.overrideReason ?? '' })}）`
                  : ''}
                {` · ${t('condition.ruleSet', { v: a.ruleSetVersion })}`}
              </Typography>
              {a.decidingRule ? (
                <Typography sx={{ color: 'text.secondary', fontSize: '0.9rem' }}>
                  {lang === 'en' ? a.decidingRule.descriptionEn : a.decidingRule.descriptionZh}
                </Typography>
              ) : null}
              <AcidityBadge acidity={a.acidity} />
              {a.previous ? (
                <Typography className={`change change-${a.previous.change}`} sx={{ fontSize: '0.9rem' }}>
                  {t('condition.previous', {
                    date: a.previous.assessedOn,
                    before: pickLabel(a.previous.finalLevelLabel, lang),
                    after: pickLabel(a.finalLevelLabel, lang),
                  })}
                </Typography>
              ) : null}
            </Box>
          ))}
        </Box>
      ) : (
        <Typography sx={{ color: 'text.secondary' }}>{t('condition.historyEmpty')}</Typography>
      )}
    </Paper>
  );
}

export default function ConditionPage({ params }: PageProps) {
  const { t } = useTranslation();
  const lang = currentLang();
  const { search } = useLocation();
  const censusNumber = params.censusNumber ?? '';
  const workOrderId = search.get('workOrder');
  const [saved, setSaved] = useState<{ zh: string; en: string } | null>(null);
  const assessments = useQuery({
    queryKey: assessmentsKey(censusNumber),
    queryFn: () =>
      call(() => api.GET('/api/records/{censusNumber}/assessments', { params: { path: { censusNumber } } })),
    retry: false,
  });
  const gradings = useQuery({
    queryKey: gradingsKey(censusNumber),
    enabled: assessments.data?.recordType === 'guji',
    queryFn: () =>
      call(() => api.GET('/api/records/{censusNumber}/gradings', { params: { path: { censusNumber } } })),
  });
  const order = useQuery({
    queryKey: workOrderKey(workOrderId ?? ''),
    enabled: Boolean(workOrderId),
    retry: false,
    queryFn: () => call(() => api.GET('/api/work-orders/{id}', { params: { path: { id: workOrderId! } } })),
  });
  if (assessments.error) {
    const missing = assessments.error instanceof ApiError && [400, 404].includes(assessments.error.status);
    if (!missing) return <ErrorAlert error={assessments.error} />;
    return (
      <>
        <PageTitle title={t('common.notFoundTitle')}>{t('common.notFoundTitle')}</PageTitle>
        <Typography sx={{ mb: 2 }}>{t('condition.notFound')}</Typography>
        <Button component={Link} href="/records" variant="outlined">
          {t('nav.records')}
        </Button>
      </>
    );
  }
  if (!assessments.data) {
    return (
      <Typography role="status" sx={{ color: 'text.secondary' }}>
        {t('common.loading')}
      </Typography>
    );
  }
  const data = assessments.data;
  const o = order.data && order.data.censusNumber === censusNumber ? order.data : null;
  const orderHref = o ? `/work-orders/${encodeURIComponent(o.id)}` : null;
  return (
    <>
      <Box
        component="nav"
        aria-label={t('condition.record')}
        sx={{ mb: 1, fontSize: '0.9rem', display: 'flex', gap: 2 }}
      >
        <Link href={`/records/${encodeURIComponent(censusNumber)}`}>
          {data.title} · {censusNumber}
        </Link>
        {orderHref ? <Link href={orderHref}>{t('condition.backToOrder')}</Link> : null}
      </Box>
      <PageTitle title={`${t('condition.title')} ${data.title}`}>{t('condition.title')}</PageTitle>
      <Typography sx={{ fontFamily: fonts.serif, fontSize: '1.2rem', fontWeight: 700, mt: -1, mb: 1.5 }}>
        {data.title}
      </Typography>
      {o ? (
        <Alert severity="info" sx={{ mb: 2 }}>
          <strong>{t('condition.forOrder', { title: o.title })}</strong>
          <br />
          {t('condition.forOrderHint')}
        </Alert>
      ) : null}
      {saved ? (
        <SavedAlert>
          {t('condition.saved', { level: pickLabel(saved, lang) })}
          {orderHref ? (
            <>
              {' '}
              <Link href={orderHref}>{t('condition.backToOrder')}</Link>
            </>
          ) : null}
        </SavedAlert>
      ) : null}
      <Typography sx={{ mb: 2 }}>
        {t('condition.currentLevel')}：
        <strong data-testid="current-level">
          {data.currentLevelLabel ? pickLabel(data.currentLevelLabel, lang) : t('condition.none')}
        </strong>
        <AcidityBadge acidity={data.acidity} />
      </Typography>
      {gradings.error ? <ErrorAlert error={gradings.error} /> : null}
      {data.recordType === 'guji' && gradings.data ? (
        <GradingForm data={gradings.data} editable={data.abilities.grade} />
      ) : null}
      {data.abilities.assess ? (
        <AssessmentForm
          data={data}
          onSaved={(level) => {
            setSaved(level);
            window.scrollTo({ top: 0 });
          }}
        />
      ) : null}
      <History data={data} />
    </>
  );
}

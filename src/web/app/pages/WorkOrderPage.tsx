// /work-orders/:id — one restoration work order: its state and facts, the steps the server offers
// this person now (with what a blocked step still waits for), the plan and materials, the treatment
// log, the before / during / after photos, the way to the after-treatment assessment, the history,
// and links to the record, the printable restoration record (修复档案) and the before/after comparison.
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, call } from '../api/client.js';
import { currentLang, pickLabel } from '../i18n/index.js';
import type { PageProps } from '../pages.js';
import { Link, useLocation } from '../router.js';
import { DateTime } from '../shell/DateTime.js';
import { ErrorAlert } from '../shell/ErrorAlert.js';
import { PageTitle } from '../shell/PageTitle.js';
import { colors, fonts } from '../theme.js';
import { LogForm } from '../restoration/LogForm.js';
import { afterAssessmentHref, OrderActions } from '../restoration/OrderActions.js';
import { PhotoForm, PhotoStrips } from '../restoration/PhotoForm.js';
import { PlanForm, PlanView, termLabel } from '../restoration/PlanForm.js';
import { workOrderKey, type RestorationTerm, type WorkOrder } from '../restoration/types.js';

function Facts({ order }: { order: WorkOrder }) {
  const { t } = useTranslation();
  const lang = currentLang();
  const dash = t('workOrder.none');
  const level = (l: { zh: string; en: string } | null) => (l ? pickLabel(l, lang) : dash);
  const facts: Array<[string, ReactNode, string?]> = [
    [t('workOrder.state'), pickLabel(order.stateLabel, lang), 'wo-state'],
    [t('workOrder.institution'), order.institution.name],
    [t('workOrder.centre'), order.centre?.name ?? dash],
    [t('workOrder.custody'), order.custody ?? dash],
    [
      t('workOrder.damage'),
      `${level(order.damageLevel.beforeLabel)} → ${level(order.damageLevel.afterLabel)}`,
      'wo-levels',
    ],
    [t('workOrder.totals'), t('restoration.leavesHours', order.totals), 'wo-totals'],
    [t('workOrder.plannedBy'), order.plannedBy?.displayName ?? dash],
    [t('workOrder.approvedBy'), order.approvedBy?.displayName ?? dash],
    [
      t('workOrder.acceptance'),
      order.acceptance
        ? [
            t('workOrder.acceptanceText', {
              rating: order.acceptance.ratingLabel ? pickLabel(order.acceptance.ratingLabel, lang) : dash,
              by: order.acceptance.by?.displayName ?? dash,
            }),
            order.acceptance.findings,
          ]
            .filter(Boolean)
            .join(' · ')
        : dash,
      'wo-acceptance',
    ],
  ];
  return (
    <Paper
      variant="outlined"
      component="section"
      aria-labelledby="wo-status-title"
      className="wo-status"
      sx={{ p: 2, borderTop: `3px solid ${colors.accent}` }}
    >
      <Typography variant="h2" id="wo-status-title" sx={{ mb: 1 }}>
        {t('workOrder.status')}
      </Typography>
      <Box
        component="dl"
        sx={{
          display: 'grid',
          gridTemplateColumns: { xs: '1fr', sm: '11rem 1fr' },
          columnGap: 2,
          rowGap: 0.5,
          m: 0,
        }}
      >
        {facts.map(([label, value, id]) => (
          <Box key={label} sx={{ display: 'contents' }}>
            <Box component="dt" sx={{ color: 'text.secondary', mt: { xs: 0.75, sm: 0 } }}>
              {label}
            </Box>
            <Box
              component="dd"
              id={id}
              tabIndex={id === 'wo-state' ? -1 : undefined}
              data-state={id === 'wo-state' ? order.state : undefined}
              sx={{ m: 0, fontWeight: id === 'wo-state' ? 700 : undefined }}
            >
              {value}
            </Box>
          </Box>
        ))}
      </Box>
    </Paper>
  );
}

function LogTable({ order, terms }: { order: WorkOrder; terms: readonly RestorationTerm[] }) {
  const { t } = useTranslation();
  const lang = currentLang();
  if (!order.log.length)
    return <Typography sx={{ color: 'text.secondary' }}>{t('workOrder.logEmpty')}</Typography>;
  return (
    <Box sx={{ overflowX: 'auto' }}>
      <Table size="small" className="wo-log" aria-label={t('workOrder.log')}>
        <TableHead>
          <TableRow>
            <TableCell>{t('workOrder.workDate')}</TableCell>
            <TableCell>{t('workOrder.conservator')}</TableCell>
            <TableCell>{t('workOrder.step')}</TableCell>
            <TableCell align="right">{t('workOrder.leaves')}</TableCell>
            <TableCell align="right">{t('workOrder.hours')}</TableCell>
            <TableCell>{t('workOrder.notes')}</TableCell>
            <TableCell align="right">{t('workOrder.logPhotos')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {order.log.map((e) => (
            <TableRow key={e.id}>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{e.workDate}</TableCell>
              <TableCell>{e.conservator?.displayName ?? t('workOrder.none')}</TableCell>
              <TableCell>{termLabel(terms, 'technique', e.step, lang)}</TableCell>
              <TableCell align="right">{e.leavesTreated}</TableCell>
              <TableCell align="right">{e.hours}</TableCell>
              <TableCell>{e.notes ?? ''}</TableCell>
              <TableCell align="right">{e.photoIds.length}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
}

function History({ order }: { order: WorkOrder }) {
  const { t } = useTranslation();
  const lang = currentLang();
  return (
    <Box component="ol" className="wo-history" sx={{ m: 0, pl: 2.5 }}>
      {order.history.map((x, i) => (
        <li key={i}>
          <DateTime iso={x.at} />{' '}
          {t(x.actionLabel ? 'workOrder.historyStep' : 'workOrder.historyCreated', {
            who: x.actor.displayName,
            action: x.actionLabel ? pickLabel(x.actionLabel, lang) : '',
            from: x.fromLabel ? pickLabel(x.fromLabel, lang) : t('workOrder.none'),
            to: x.toLabel ? pickLabel(x.toLabel, lang) : t('workOrder.none'),
          })}
          {x.reason ? ` — ${x.reason}` : ''}
        </li>
      ))}
    </Box>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Paper variant="outlined" component="section" aria-labelledby={id} sx={{ p: 2, mb: 2 }}>
      <Typography variant="h2" id={id} sx={{ mb: 1 }}>
        {title}
      </Typography>
      {children}
    </Paper>
  );
}

export default function WorkOrderPage({ params }: PageProps) {
  const { t } = useTranslation();
  const lang = currentLang();
  const { search } = useLocation();
  const id = params.id ?? '';
  // "Created" is said once: the address drops the flag so a reload does not say it again.
  const [created] = useState(() => search.get('created') !== null);
  useEffect(() => {
    if (created) window.history.replaceState(null, '', window.location.pathname);
  }, [created]);
  const order = useQuery({
    queryKey: workOrderKey(id),
    queryFn: () => call(() => api.GET('/api/work-orders/{id}', { params: { path: { id } } })),
    retry: false,
    // New photos are processed in the background: look again until each is ready.
    refetchInterval: (q) => (q.state.data?.photos.some((p) => p.status === 'processing') ? 2000 : false),
  });
  const terms = useQuery({
    queryKey: ['restoration-terms'],
    queryFn: () => call(() => api.GET('/api/restoration-terms')),
    staleTime: 300_000,
  });
  if (order.error) {
    const missing = order.error instanceof ApiError && [400, 403, 404].includes(order.error.status);
    if (!missing) return <ErrorAlert error={order.error} />;
    return (
      <>
        <PageTitle title={t('common.notFoundTitle')}>{t('common.notFoundTitle')}</PageTitle>
        <Typography sx={{ mb: 2 }}>{t('workOrder.notFound')}</Typography>
        <Button component={Link} href="/restoration" variant="outlined">
          {t('workOrder.board')}
        </Button>
      </>
    );
  }
  if (!order.data || !terms.data) {
    return terms.error ? (
      <ErrorAlert error={terms.error} />
    ) : (
      <Typography role="status" sx={{ color: 'text.secondary' }}>
        {t('common.loading')}
      </Typography>
    );
  }
  const o = order.data;
  const vocabulary = terms.data.items;
  const cn = encodeURIComponent(o.censusNumber);
  return (
    <>
      <Box component="nav" aria-label={t('workOrder.board')} sx={{ mb: 1, fontSize: '0.9rem' }}>
        <Link href="/restoration">{t('workOrder.board')}</Link>
      </Box>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'baseline', gap: 1, mb: 1 }}>
        <Box sx={{ flex: '1 1 20rem' }}>
          <PageTitle title={`${t('workOrder.title')} ${o.title} ${o.censusNumber}`}>
            <Box component="span" sx={{ fontFamily: fonts.serif }}>
              {o.title}
            </Box>
          </PageTitle>
          <Typography sx={{ color: 'text.secondary', mt: -1.5, mb: 1 }}>
            {t('workOrder.title')} · <span style={{ fontFamily: 'monospace' }}>{o.censusNumber}</span>
          </Typography>
        </Box>
        <Button component={Link} href={`/records/${cn}`} variant="outlined" size="small">
          {t('workOrder.recordPage')}
        </Button>
        <Button
          href={`/api/work-orders/${encodeURIComponent(o.id)}/record?format=html`}
          target="_blank"
          rel="noopener"
          variant="outlined"
          size="small"
        >
          {t('workOrder.printRecord')}
        </Button>
        <Button
          href={`/compare?workOrder=${encodeURIComponent(o.id)}`}
          variant="outlined"
          size="small"
          className="wo-compare-link"
        >
          {t('workOrder.compare')}
        </Button>
      </Box>
      {created ? (
        <Alert severity="success" role="status" sx={{ mb: 2 }}>
          {t('workOrder.created')}
        </Alert>
      ) : null}
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' }, gap: 2, mb: 2 }}>
        <Facts order={o} />
        <OrderActions order={o} />
      </Box>
      {o.abilities.editPlan ? (
        <PlanForm order={o} terms={vocabulary} />
      ) : (
        <PlanView order={o} terms={vocabulary} />
      )}
      <Section id="wo-log-title" title={t('workOrder.log')}>
        <LogTable order={o} terms={vocabulary} />
        {o.abilities.log ? <LogForm order={o} terms={vocabulary} /> : null}
      </Section>
      <Section id="wo-photos-title" title={t('workOrder.photos')}>
        <PhotoStrips order={o} />
        {o.abilities.uploadPhotos ? <PhotoForm order={o} /> : null}
      </Section>
      {o.abilities.assessAfter || o.after ? (
        <Section id="wo-after-title" title={t('workOrder.afterAssessment')}>
          {o.after ? (
            <Typography sx={{ mb: 1 }}>
              {t('workOrder.afterAssessed', {
                date: o.after.assessedOn,
                level: pickLabel(o.after.finalLevelLabel, lang),
              })}
            </Typography>
          ) : (
            <Typography sx={{ mb: 1, color: 'text.secondary' }}>
              {t('workOrder.afterAssessmentHint')}
            </Typography>
          )}
          {o.abilities.assessAfter ? (
            <Button
              component={Link}
              href={afterAssessmentHref(o)}
              variant="outlined"
              className="wo-after-link"
            >
              {t('workOrder.afterAssessment')}
            </Button>
          ) : null}
        </Section>
      ) : null}
      <Section id="wo-history-title" title={t('workOrder.history')}>
        <History order={o} />
      </Section>
    </>
  );
}

// The treatment plan and materials of an order: techniques with their reasons, estimates and risks,
// repair paper, paste, thread, dyes and deacidification agent — every choice from the editable
// restoration vocabularies. Editable while the server says so (until approval); read-only after.
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormGroup from '@mui/material/FormGroup';
import Paper from '@mui/material/Paper';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import Alert from '@mui/material/Alert';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.js';
import { currentLang, type Lang } from '../i18n/index.js';
import { problemAt, ProblemField, SaveForm, useFormSave } from './Problems.js';
import { workOrderKey, type RestorationTerm, type WorkOrder } from './types.js';

type Kind = RestorationTerm['kind'];

/** A term as the interface language shows it (the English label when there is one). */
export function termLabel(terms: readonly RestorationTerm[], kind: Kind, value: string, lang: Lang): string {
  if (lang === 'zh') return value;
  return terms.find((x) => x.kind === kind && x.value === value)?.labelEn ?? value;
}

/** The active terms of a kind, plus the one already chosen even if retired since. */
function choices(terms: readonly RestorationTerm[], kind: Kind, chosen: readonly string[] = []) {
  return terms.filter((x) => x.kind === kind && (x.active || chosen.includes(x.value)));
}

const num = (v: string) => (v.trim() === '' ? null : Number(v));
const txt = (v: string) => (v.trim() ? v.trim() : null);

function TermSelect({
  id,
  label,
  terms,
  kind,
  value,
  onChange,
  error,
}: {
  id: string;
  label: string;
  terms: readonly RestorationTerm[];
  kind: Kind;
  value: string;
  onChange: (v: string) => void;
  error?: string | undefined;
}) {
  const { t } = useTranslation();
  const lang = currentLang();
  return (
    <TextField
      id={id}
      select
      size="small"
      label={label}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      error={Boolean(error)}
      helperText={error}
      slotProps={{ select: { native: true }, inputLabel: { shrink: true } }}
      sx={{ minWidth: '10rem' }}
    >
      <option value="">{t('workOrder.none')}</option>
      {choices(terms, kind, [value]).map((x) => (
        <option key={x.id} value={x.value}>
          {lang === 'en' ? (x.labelEn ?? x.value) : x.value}
        </option>
      ))}
    </TextField>
  );
}

function Checks({
  legend,
  terms,
  kind,
  chosen,
  onChange,
}: {
  legend: string;
  terms: readonly RestorationTerm[];
  kind: Kind;
  chosen: string[];
  onChange: (v: string[]) => void;
}) {
  const lang = currentLang();
  const list = choices(terms, kind, chosen);
  if (!list.length) return null;
  return (
    <Box component="fieldset" sx={{ border: 0, p: 0, m: 0, mt: 1 }}>
      <Typography component="legend" sx={{ fontWeight: 700, fontSize: '0.95rem' }}>
        {legend}
      </Typography>
      <FormGroup row>
        {list.map((x) => (
          <FormControlLabel
            key={x.id}
            label={lang === 'en' ? (x.labelEn ?? x.value) : x.value}
            control={
              <Checkbox
                size="small"
                checked={chosen.includes(x.value)}
                onChange={(e) =>
                  onChange(e.target.checked ? [...chosen, x.value] : chosen.filter((v) => v !== x.value))
                }
              />
            }
          />
        ))}
      </FormGroup>
    </Box>
  );
}

export function PlanForm({ order, terms }: { order: WorkOrder; terms: readonly RestorationTerm[] }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const plan = order.plan;
  const m = order.materials;
  const [techniques, setTechniques] = useState(
    plan?.techniques.length ? plan.techniques : [{ technique: '', reason: '' }],
  );
  const [leaves, setLeaves] = useState(String(plan?.estimatedLeaves ?? ''));
  const [hours, setHours] = useState(String(plan?.estimatedHours ?? ''));
  const [risks, setRisks] = useState(plan?.risks ?? '');
  const [paper, setPaper] = useState({
    type: m?.repairPaper[0]?.type ?? '',
    origin: m?.repairPaper[0]?.origin ?? '',
    weightGsm: String(m?.repairPaper[0]?.weightGsm ?? ''),
    toning: m?.repairPaper[0]?.toning ?? '',
  });
  const [paste, setPaste] = useState({
    type: m?.paste[0]?.type ?? '',
    concentration: m?.paste[0]?.concentration ?? '',
  });
  const [thread, setThread] = useState<string[]>(m?.thread ?? []);
  const [dyes, setDyes] = useState<string[]>(m?.dyes ?? []);
  const [agent, setAgent] = useState<string[]>(m?.deacidificationAgent ?? []);
  const [saved, setSaved] = useState(false);
  // Rows left wholly empty are dropped; the rest keep their numbers so errors find their row.
  const kept = techniques.filter((x) => x.technique || x.reason.trim());
  const form = useFormSave(
    () =>
      api.PATCH('/api/work-orders/{id}', {
        params: { path: { id: order.id } },
        body: {
          version: order.version,
          plan: {
            techniques: kept.map((x) => ({ technique: x.technique, reason: x.reason.trim() })),
            estimatedLeaves: num(leaves),
            estimatedHours: num(hours),
            risks: txt(risks),
          },
          materials: {
            repairPaper: paper.type
              ? [
                  {
                    type: paper.type,
                    origin: txt(paper.origin),
                    weightGsm: num(paper.weightGsm),
                    toning: txt(paper.toning),
                  },
                ]
              : [],
            paste: paste.type ? [{ type: paste.type, concentration: txt(paste.concentration) }] : [],
            thread,
            dyes,
            deacidificationAgent: agent,
          },
        },
      }),
    (updated) => {
      setSaved(true);
      queryClient.setQueryData(workOrderKey(order.id), updated);
    },
    () => setSaved(false),
  );
  const errors = form.errors;
  const rowIndex = (i: number) => kept.indexOf(techniques[i]!);
  return (
    <SaveForm
      form={form}
      title={t('workOrder.plan')}
      idPrefix="wo"
      saveLabel={t('workOrder.savePlan')}
      className="wo-plan-form"
      notice={
        saved ? (
          <Alert severity="success" role="status" sx={{ mb: 1.5 }}>
            {t('workOrder.saved')}
          </Alert>
        ) : null
      }
    >
      {techniques.map((row, i) => {
        const at = `plan.techniques[${rowIndex(i)}]`;
        return (
          <Box
            key={i}
            component="fieldset"
            className="wo-technique"
            sx={{ border: 0, p: 0, m: 0, mb: 1.5, display: 'flex', flexWrap: 'wrap', gap: 1.5 }}
          >
            <TermSelect
              id={`wo-technique-${i}`}
              label={t('workOrder.technique')}
              terms={terms}
              kind="technique"
              value={row.technique}
              onChange={(v) =>
                setTechniques((old) => old.map((x, j) => (j === i ? { ...x, technique: v } : x)))
              }
              error={rowIndex(i) >= 0 ? problemAt(errors, `${at}.technique`) : undefined}
            />
            <TextField
              id={`wo-technique-reason-${i}`}
              size="small"
              label={t('workOrder.techniqueReason')}
              value={row.reason}
              onChange={(e) =>
                setTechniques((old) => old.map((x, j) => (j === i ? { ...x, reason: e.target.value } : x)))
              }
              error={rowIndex(i) >= 0 && errors.has(`${at}.reason`)}
              helperText={rowIndex(i) >= 0 ? problemAt(errors, `${at}.reason`) : undefined}
              slotProps={{ htmlInput: { maxLength: 2000 } }}
              sx={{ flex: '1 1 16rem' }}
            />
            {techniques.length > 1 ? (
              <Button onClick={() => setTechniques((old) => old.filter((_x, j) => j !== i))}>
                {t('workOrder.removeTechnique', { n: i + 1 })}
              </Button>
            ) : null}
          </Box>
        );
      })}
      <Button
        variant="outlined"
        onClick={() => setTechniques((old) => [...old, { technique: '', reason: '' }])}
      >
        {t('workOrder.addTechnique')}
      </Button>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1.5, mt: 2 }}>
        <ProblemField
          at="plan.estimatedLeaves"
          type="number"
          label={t('workOrder.estimatedLeaves')}
          state={[leaves, setLeaves]}
          slotProps={{ htmlInput: { min: 0, step: 1 } }}
        />
        <ProblemField
          at="plan.estimatedHours"
          type="number"
          label={t('workOrder.estimatedHours')}
          state={[hours, setHours]}
          slotProps={{ htmlInput: { min: 0, step: 0.25 } }}
        />
        <ProblemField at="plan.risks" label={t('workOrder.risks')} state={[risks, setRisks]} wide />
      </Box>
      <Typography variant="h3" sx={{ mt: 2, mb: 1, fontSize: '1.05rem' }}>
        {t('workOrder.materials')}
      </Typography>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1.5 }}>
        <TermSelect
          id="wo-paper"
          label={t('workOrder.paper')}
          terms={terms}
          kind="repair_paper"
          value={paper.type}
          onChange={(v) => setPaper((p) => ({ ...p, type: v }))}
          error={problemAt(errors, 'materials.repairPaper[0].type')}
        />
        <ProblemField
          at="materials.repairPaper[0].origin"
          id="wo-paperOrigin"
          label={t('workOrder.paperOrigin')}
          value={paper.origin}
          onChange={(e) => setPaper((p) => ({ ...p, origin: e.target.value }))}
        />
        <ProblemField
          at="materials.repairPaper[0].weightGsm"
          id="wo-paperWeight"
          type="number"
          label={t('workOrder.paperWeight')}
          value={paper.weightGsm}
          onChange={(e) => setPaper((p) => ({ ...p, weightGsm: e.target.value }))}
          slotProps={{ htmlInput: { min: 0, step: 0.1 } }}
        />
        <TextField
          id="wo-paperToning"
          size="small"
          label={t('workOrder.paperToning')}
          value={paper.toning}
          onChange={(e) => setPaper((p) => ({ ...p, toning: e.target.value }))}
        />
        <TermSelect
          id="wo-paste"
          label={t('workOrder.paste')}
          terms={terms}
          kind="paste"
          value={paste.type}
          onChange={(v) => setPaste((p) => ({ ...p, type: v }))}
          error={problemAt(errors, 'materials.paste[0].type')}
        />
        <TextField
          id="wo-pasteConcentration"
          size="small"
          label={t('workOrder.pasteConcentration')}
          value={paste.concentration}
          onChange={(e) => setPaste((p) => ({ ...p, concentration: e.target.value }))}
        />
      </Box>
      <Checks
        legend={t('workOrder.thread')}
        terms={terms}
        kind="thread"
        chosen={thread}
        onChange={setThread}
      />
      <Checks legend={t('workOrder.dyes')} terms={terms} kind="dye" chosen={dyes} onChange={setDyes} />
      <Checks
        legend={t('workOrder.agent')}
        terms={terms}
        kind="deacidification_agent"
        chosen={agent}
        onChange={setAgent}
      />
    </SaveForm>
  );
}

/** The plan and materials as read once the plan is fixed (or by someone who does not write it). */
export function PlanView({ order, terms }: { order: WorkOrder; terms: readonly RestorationTerm[] }) {
  const { t } = useTranslation();
  const lang = currentLang();
  const plan = order.plan;
  const m = order.materials;
  const name = (kind: Kind, v: string) => termLabel(terms, kind, v, lang);
  const rows: Array<[string, string]> = [
    [t('workOrder.estimatedLeaves'), plan?.estimatedLeaves?.toString() ?? ''],
    [t('workOrder.estimatedHours'), plan?.estimatedHours?.toString() ?? ''],
    [t('workOrder.risks'), plan?.risks ?? ''],
    [
      t('workOrder.paper'),
      (m?.repairPaper ?? [])
        .map((p) =>
          [name('repair_paper', p.type), p.origin, p.weightGsm ? `${p.weightGsm} g/m²` : '', p.toning]
            .filter(Boolean)
            .join(' · '),
        )
        .join('；'),
    ],
    [
      t('workOrder.paste'),
      (m?.paste ?? [])
        .map((p) => [name('paste', p.type), p.concentration].filter(Boolean).join(' · '))
        .join('；'),
    ],
    [t('workOrder.thread'), (m?.thread ?? []).map((v) => name('thread', v)).join('、')],
    [t('workOrder.dyes'), (m?.dyes ?? []).map((v) => name('dye', v)).join('、')],
    [
      t('workOrder.agent'),
      (m?.deacidificationAgent ?? []).map((v) => name('deacidification_agent', v)).join('、'),
    ],
  ];
  const shown = rows.filter(([, v]) => v);
  return (
    <Paper variant="outlined" component="section" aria-labelledby="wo-plan-title" sx={{ p: 2, mb: 2 }}>
      <Typography variant="h2" id="wo-plan-title" sx={{ mb: 1 }}>
        {t('workOrder.plan')}
      </Typography>
      {plan?.techniques.length ? (
        <Box component="ul" className="wo-plan" sx={{ mt: 0, pl: 2.5 }}>
          {plan.techniques.map((x, i) => (
            <li key={i}>
              <strong>{name('technique', x.technique)}</strong>：{x.reason}
            </li>
          ))}
        </Box>
      ) : (
        <Typography sx={{ color: 'text.secondary' }}>{t('workOrder.noPlan')}</Typography>
      )}
      {shown.length ? (
        <Box
          component="dl"
          sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', sm: '10rem 1fr' }, gap: 0.5, m: 0 }}
        >
          {shown.map(([k, v]) => (
            <Box key={k} sx={{ display: 'contents' }}>
              <Box component="dt" sx={{ color: 'text.secondary' }}>
                {k}
              </Box>
              <Box component="dd" sx={{ m: 0 }}>
                {v}
              </Box>
            </Box>
          ))}
        </Box>
      ) : null}
    </Paper>
  );
}

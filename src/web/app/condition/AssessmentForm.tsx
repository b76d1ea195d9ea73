// A condition assessment: observations (damage type from the server's list, area, leaves affected,
// where) and pH readings; the level they reach is computed live by the server with the rule that
// decided it; an override needs a reason. Every problem of a save is shown together and under its
// field; the live preview reports apart, so it never hides why a save was refused.
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../api/client.js';
import { currentLang, pickLabel } from '../i18n/index.js';
import { ProblemField, Problems, SaveForm, useFormSave } from '../restoration/Problems.js';
import { assessmentsKey, type Assessments, type Computed } from './types.js';

interface Row {
  damageType: string;
  areaPercent: string;
  leavesAffected: string;
  location: string;
}

const emptyRow = (): Row => ({
  damageType: '',
  areaPercent: '',
  leavesAffected: '',
  location: '',
});

function body(rows: Row[], ph: string, totalLeaves: string) {
  const num = (v: string) => (v.trim() === '' ? undefined : Number(v));
  return {
    // A row whose damage type is not chosen yet is not an observation.
    observations: rows
      .filter((r) => r.damageType)
      .map((r) => ({
        damageType: r.damageType,
        ...(num(r.areaPercent) !== undefined ? { areaPercent: num(r.areaPercent)! } : {}),
        ...(num(r.leavesAffected) !== undefined ? { leavesAffected: num(r.leavesAffected)! } : {}),
        ...(r.location.trim() ? { location: r.location.trim() } : {}),
      })),
    phReadings: ph.trim()
      ? ph
          .split(/[,，\s]+/)
          .filter(Boolean)
          .map((v) => ({ value: Number(v) }))
      : [],
    ...(num(totalLeaves) !== undefined ? { totalLeaves: num(totalLeaves)! } : {}),
  };
}

export function AssessmentForm({
  data,
  onSaved,
}: {
  data: Assessments;
  /** Told the saved level's label, to confirm it (and offer the way back to a work order). */
  onSaved: (level: { zh: string; en: string }) => void;
}) {
  const { t } = useTranslation();
  const lang = currentLang();
  const queryClient = useQueryClient();
  const [rows, setRows] = useState<Row[]>([emptyRow()]);
  const [ph, setPh] = useState('');
  const [totalLeaves, setTotalLeaves] = useState('');
  const [overrideLevel, setOverrideLevel] = useState('');
  const [overrideReason, setOverrideReason] = useState('');
  const [computed, setComputed] = useState<Computed | null>(null);
  const [previewError, setPreviewError] = useState<unknown>(null);
  const input = JSON.stringify(body(rows, ph, totalLeaves));
  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      call(() => api.POST('/api/assessments/compute', { body: JSON.parse(input) as never }))
        .then((r) => {
          if (!live) return;
          setComputed(r);
          setPreviewError(null);
        })
        .catch((error: unknown) => {
          if (!live) return;
          setComputed(null);
          setPreviewError(error);
        });
    }, 200);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [input]);
  const form = useFormSave(
    () =>
      api.POST('/api/records/{censusNumber}/assessments', {
        params: { path: { censusNumber: data.censusNumber } },
        body: {
          ...body(rows, ph, totalLeaves),
          ...(overrideLevel ? { overrideLevel: overrideLevel as never } : {}),
          ...(overrideReason.trim() ? { overrideReason: overrideReason.trim() } : {}),
        },
      }),
    async (saved) => {
      setRows([emptyRow()]);
      setPh('');
      setTotalLeaves('');
      setOverrideLevel('');
      setOverrideReason('');
      setComputed(null);
      await queryClient.invalidateQueries({ queryKey: assessmentsKey(data.censusNumber) });
      onSaved(saved.finalLevelLabel);
    },
  );
  const errors = form.errors;
  const setRow = (i: number, key: keyof Row) => (e: { target: { value: string } }) =>
    setRows((old) => old.map((r, j) => (j === i ? { ...r, [key]: e.target.value } : r)));
  const rule = computed?.decidingRule;
  let live: ReactNode = '—';
  if (computed) {
    live = (
      <>
        <strong>{pickLabel(computed.computedLevelLabel, lang)}</strong>
        {rule
          ? ` — ${lang === 'en' ? rule.descriptionEn : rule.descriptionZh}（${lang === 'en' ? rule.evidenceEn : rule.evidenceZh}）`
          : ''}
        {` · ${t('condition.ruleSet', { v: computed.ruleSetVersion })}`}
      </>
    );
  }
  return (
    <SaveForm form={form} title={t('condition.assess')} idPrefix="cond" saveLabel={t('condition.save')}>
      <ProblemField
        at="totalLeaves"
        type="number"
        label={t('condition.totalLeaves')}
        state={[totalLeaves, setTotalLeaves]}
        slotProps={{ htmlInput: { min: 1 } }}
        sx={{ mb: 1.5 }}
      />
      {rows.map((row, i) => {
        // Errors name the observation's place among those sent (rows without a type are not sent).
        const at = `observations[${rows.filter((r) => r.damageType).indexOf(row)}]`;
        return (
          <Box
            key={i}
            component="fieldset"
            className="observation"
            sx={{ border: '1px solid', borderColor: 'divider', borderRadius: 1, p: 1.5, mb: 1.5 }}
          >
            <Typography component="legend" sx={{ px: 0.5, fontWeight: 700 }}>
              {t('condition.observation', { n: i + 1 })}
            </Typography>
            <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1.5, alignItems: 'flex-start' }}>
              <ProblemField
                at={`${at}.damageType`}
                id={`cond-damageType-${i}`}
                select
                label={t('condition.damageType')}
                value={row.damageType}
                onChange={setRow(i, 'damageType')}
                slotProps={{ select: { native: true }, inputLabel: { shrink: true } }}
              >
                <option value="">{t('condition.none')}</option>
                {data.damageTypes.map((d) => (
                  <option key={d.value} value={d.value}>
                    {pickLabel(d.label, lang)}
                  </option>
                ))}
              </ProblemField>
              <ProblemField
                at={`${at}.areaPercent`}
                id={`cond-area-${i}`}
                type="number"
                label={t('condition.areaPercent')}
                value={row.areaPercent}
                onChange={setRow(i, 'areaPercent')}
                slotProps={{ htmlInput: { step: 'any' } }}
                sx={{ width: '9rem' }}
              />
              <ProblemField
                at={`${at}.leavesAffected`}
                id={`cond-leaves-${i}`}
                type="number"
                label={t('condition.leavesAffected')}
                value={row.leavesAffected}
                onChange={setRow(i, 'leavesAffected')}
                slotProps={{ htmlInput: { min: 0 } }}
                sx={{ width: '9rem' }}
              />
              <ProblemField
                at={`${at}.location`}
                id={`cond-location-${i}`}
                label={t('condition.location')}
                value={row.location}
                onChange={setRow(i, 'location')}
              />
              {rows.length > 1 ? (
                <Button onClick={() => setRows((old) => old.filter((_r, j) => j !== i))}>
                  {t('condition.removeObservation')}
                </Button>
              ) : null}
            </Box>
          </Box>
        );
      })}
      <Button variant="outlined" onClick={() => setRows((old) => [...old, emptyRow()])}>
        {t('condition.addObservation')}
      </Button>
      <Box sx={{ mt: 2 }}>
        <TextField
          id="cond-ph"
          size="small"
          label={t('condition.ph')}
          value={ph}
          onChange={(e) => setPh(e.target.value)}
          error={errors.has('phReadings') || [...errors.keys()].some((k) => k.startsWith('phReadings['))}
          helperText={
            [...errors.entries()]
              .filter(([k]) => k === 'phReadings' || k.startsWith('phReadings['))
              .flatMap(([, v]) => v)
              .join('；') || undefined
          }
        />
      </Box>
      <Box sx={{ my: 2 }}>
        <Typography component="span">{t('condition.computed')}：</Typography>
        <Typography component="span" data-testid="computed" aria-live="polite">
          {live}
        </Typography>
        {previewError ? <Problems error={previewError} /> : null}
      </Box>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1.5, alignItems: 'flex-start' }}>
        <ProblemField
          at="overrideLevel"
          select
          label={t('condition.overrideLevel')}
          state={[overrideLevel, setOverrideLevel]}
          slotProps={{ select: { native: true }, inputLabel: { shrink: true } }}
        >
          <option value="">{t('condition.noOverride')}</option>
          {data.levels.map((l) => (
            <option key={l.value} value={l.value}>
              {pickLabel(l.label, lang)}
            </option>
          ))}
        </ProblemField>
        <ProblemField
          at="overrideReason"
          label={t('condition.overrideReason')}
          state={[overrideReason, setOverrideReason]}
          wide
        />
      </Box>
    </SaveForm>
  );
}

/** Confirms a saved assessment, with the way back to the work order it was made for. */
export function SavedAlert({ children }: { children: ReactNode }) {
  return (
    <Alert severity="success" role="status" sx={{ mb: 2 }}>
      {children}
    </Alert>
  );
}

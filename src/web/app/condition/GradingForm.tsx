// Grading of a 古籍 (级别, 等次 and the three bases), with the grading history and the warnings the
// server found in each. Choices and their labels come from the server.
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../api/client.js';
import { currentLang, pickLabel } from '../i18n/index.js';
import { fieldErrors } from '../records/fieldErrors.js';
import { problemAt, Problems } from '../restoration/Problems.js';
import { gradingsKey, type Gradings } from './types.js';

const BASES = ['basisHistorical', 'basisScholarly', 'basisArtistic'] as const;

export function GradingForm({ data, editable }: { data: Gradings; editable: boolean }) {
  const { t } = useTranslation();
  const lang = currentLang();
  const queryClient = useQueryClient();
  const [grade, setGrade] = useState(data.grades[0]?.value ?? '');
  const [rank, setRank] = useState('');
  const [bases, setBases] = useState<Record<(typeof BASES)[number], string>>({
    basisHistorical: '',
    basisScholarly: '',
    basisArtistic: '',
  });
  const [saved, setSaved] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: () =>
      call(() =>
        api.POST('/api/records/{censusNumber}/gradings', {
          params: { path: { censusNumber: data.censusNumber } },
          body: {
            grade,
            ...(rank ? { rank } : {}),
            ...Object.fromEntries(BASES.filter((k) => bases[k].trim()).map((k) => [k, bases[k].trim()])),
          } as never,
        }),
      ),
    onSuccess: async (g) => {
      setSaved(g.label);
      await queryClient.invalidateQueries({ queryKey: gradingsKey(data.censusNumber) });
    },
  });
  const errors = fieldErrors(save.error, lang);
  const gradeLabel = (value: string | null) =>
    value
      ? pickLabel(data.grades.find((g) => value.startsWith(g.value))?.label ?? { zh: value, en: value }, lang)
      : '—';
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(null);
    save.mutate();
  };
  return (
    <Paper variant="outlined" component="section" aria-labelledby="grading-title" sx={{ p: 2, mb: 2 }}>
      <Typography variant="h2" id="grading-title" sx={{ mb: 1 }}>
        {t('condition.grading')}
      </Typography>
      <Typography sx={{ mb: 1.5 }}>
        {t('condition.currentGrade')}：
        <strong data-testid="current-grade">
          {lang === 'en' ? gradeLabel(data.currentGrade) : (data.currentGrade ?? '—')}
        </strong>
        {data.current?.heritageLevel ? `（${data.current.heritageLevel}）` : ''}
        {data.preciousListEntry
          ? ` · ${t('condition.listEntry', { number: data.preciousListEntry.number, batch: data.preciousListEntry.batch })}`
          : ''}
      </Typography>
      {editable ? (
        <Box component="form" noValidate onSubmit={submit} aria-label={t('condition.grading')}>
          {saved ? (
            <Alert severity="success" role="status" sx={{ mb: 1.5 }}>
              {t('condition.gradingSaved', { label: saved })}
            </Alert>
          ) : null}
          <Problems error={save.error} />
          <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1.5, alignItems: 'flex-start', mb: 1.5 }}>
            <TextField
              id="grading-grade"
              select
              size="small"
              label={t('condition.grade')}
              value={grade}
              onChange={(e) => setGrade(e.target.value)}
              error={errors.has('grade')}
              helperText={problemAt(errors, 'grade')}
              slotProps={{ select: { native: true }, inputLabel: { shrink: true } }}
            >
              {data.grades.map((g) => (
                <option key={g.value} value={g.value}>
                  {pickLabel(g.label, lang)}
                </option>
              ))}
            </TextField>
            <TextField
              id="grading-rank"
              select
              size="small"
              label={t('condition.rank')}
              value={rank}
              onChange={(e) => setRank(e.target.value)}
              error={errors.has('rank')}
              helperText={problemAt(errors, 'rank')}
              slotProps={{ select: { native: true }, inputLabel: { shrink: true } }}
            >
              <option value="">{t('condition.rankNone')}</option>
              {data.ranks.map((r) => (
                <option key={r.value} value={r.value}>
                  {pickLabel(r.label, lang)}
                </option>
              ))}
            </TextField>
          </Box>
          {BASES.map((k) => (
            <TextField
              key={k}
              id={`grading-${k}`}
              size="small"
              label={t(`condition.${k}`)}
              value={bases[k]}
              onChange={(e) => setBases((old) => ({ ...old, [k]: e.target.value }))}
              error={errors.has(k)}
              helperText={problemAt(errors, k)}
              multiline
              fullWidth
              sx={{ mb: 1.5 }}
            />
          ))}
          <Button type="submit" variant="contained" disabled={save.isPending}>
            {t('condition.saveGrading')}
          </Button>
        </Box>
      ) : null}
      {data.items.length ? (
        <>
          <Typography variant="h3" sx={{ fontSize: '1rem', mt: 2, mb: 0.5 }}>
            {t('condition.gradingHistory')}
          </Typography>
          <Box component="ol" className="grading-history" sx={{ m: 0, pl: 2.5 }}>
            {data.items.map((g) => (
              <li key={g.id}>
                {g.assessedOn} · {g.label}（{g.heritageLevel ?? '—'}） · {g.assessor}
                {g.warnings.map((w, i) => (
                  <Typography key={i} sx={{ color: 'warning.dark', fontSize: '0.9rem' }}>
                    {lang === 'en' ? w.messageEn : w.messageZh}
                  </Typography>
                ))}
              </li>
            ))}
          </Box>
        </>
      ) : null}
    </Paper>
  );
}

// The board's form to raise a work order: the record by census number (filled in when the triage list
// sent the person here), the "before" assessment chosen from that record's assessments — the latest
// by default —, and a summary. Every problem the server finds is shown together and under its field.
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../api/client.js';
import { currentLang, pickLabel } from '../i18n/index.js';
import { fieldErrors } from '../records/fieldErrors.js';
import { navigate, useLocation } from '../router.js';
import { problemAt, Problems } from './Problems.js';

/** The value after the person stopped typing for a moment. */
function useSettled(value: string, ms = 400): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

export function CreateWorkOrder() {
  const { t } = useTranslation();
  const lang = currentLang();
  const queryClient = useQueryClient();
  const { search } = useLocation();
  const [censusNumber, setCensusNumber] = useState(search.get('censusNumber') ?? '');
  const [assessmentId, setAssessmentId] = useState('');
  const [summary, setSummary] = useState('');
  const cn = useSettled(censusNumber.trim());
  const assessments = useQuery({
    queryKey: ['assessments', cn],
    enabled: cn.length > 0,
    retry: false,
    queryFn: () =>
      call(() =>
        api.GET('/api/records/{censusNumber}/assessments', { params: { path: { censusNumber: cn } } }),
      ),
  });
  const create = useMutation({
    mutationFn: () =>
      call(() =>
        api.POST('/api/work-orders', {
          body: {
            censusNumber: censusNumber.trim(),
            assessmentId: assessmentId || null,
            summary: summary.trim() || null,
          },
        }),
      ),
    onSuccess: async (order) => {
      await queryClient.invalidateQueries({ queryKey: ['work-orders'] });
      navigate(`/work-orders/${order.id}?created=1`);
    },
  });
  const errors = fieldErrors(create.error, lang);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  const items = cn && assessments.data?.censusNumber === cn ? assessments.data.items : [];
  const assessmentHelp = !cn
    ? t('restoration.newHint')
    : assessments.isFetching
      ? t('restoration.assessmentLoading')
      : assessments.data && !items.length
        ? t('restoration.assessmentNone')
        : t('restoration.newHint');
  return (
    <Paper
      variant="outlined"
      component="form"
      noValidate
      onSubmit={submit}
      aria-labelledby="wo-new-title"
      className="wo-create"
      sx={{ p: 2, mb: 2 }}
    >
      <Typography variant="h2" id="wo-new-title" sx={{ mb: 1 }}>
        {t('restoration.new')}
      </Typography>
      <Problems error={create.error} />
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1.5, alignItems: 'flex-start' }}>
        <TextField
          id="wo-censusNumber"
          size="small"
          label={t('restoration.censusNumber')}
          required
          value={censusNumber}
          onChange={(e) => {
            setCensusNumber(e.target.value);
            setAssessmentId('');
          }}
          error={errors.has('censusNumber')}
          helperText={problemAt(errors, 'censusNumber')}
          slotProps={{ htmlInput: { maxLength: 32 } }}
        />
        <TextField
          id="wo-assessment"
          select
          size="small"
          label={t('restoration.assessment')}
          value={assessmentId}
          onChange={(e) => setAssessmentId(e.target.value)}
          error={errors.has('assessmentId')}
          helperText={problemAt(errors, 'assessmentId') ?? assessmentHelp}
          slotProps={{ select: { native: true }, inputLabel: { shrink: true } }}
          sx={{ minWidth: '18rem', maxWidth: '100%' }}
        >
          <option value="">{t('restoration.assessmentLatest')}</option>
          {items.map((a) => (
            <option key={a.id} value={a.id}>
              {t('restoration.assessmentOption', {
                date: a.assessedOn,
                level: pickLabel(a.finalLevelLabel, lang),
                assessor: a.assessor,
              })}
            </option>
          ))}
        </TextField>
        <TextField
          id="wo-summary"
          size="small"
          label={t('restoration.summary')}
          value={summary}
          onChange={(e) => setSummary(e.target.value)}
          error={errors.has('summary')}
          helperText={problemAt(errors, 'summary')}
          slotProps={{ htmlInput: { maxLength: 2000 } }}
          sx={{ flex: '1 1 16rem' }}
        />
        <Button type="submit" variant="contained" disabled={create.isPending}>
          {create.isPending ? t('restoration.creating') : t('restoration.create')}
        </Button>
      </Box>
    </Paper>
  );
}

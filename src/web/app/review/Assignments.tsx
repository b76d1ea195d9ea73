// Review assignments under the queue: administrators assign an institution's submissions to a
// reviewer and end assignments (the choices come from the server, which checks each one); a
// reviewer sees which institutions are assigned to them.
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, call } from '../api/client.js';
import { currentLang, pickLabel } from '../i18n/index.js';
import { DateTime } from '../shell/DateTime.js';
import { ErrorAlert } from '../shell/ErrorAlert.js';

const KEY = ['review-assignments'] as const;

export function Assignments() {
  const { t } = useTranslation();
  const lang = currentLang();
  const queryClient = useQueryClient();
  const list = useQuery({ queryKey: KEY, queryFn: () => call(() => api.GET('/api/review-assignments')) });
  const [reviewerId, setReviewerId] = useState('');
  const [institutionId, setInstitutionId] = useState('');
  const [missing, setMissing] = useState<string[]>([]);
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: KEY });
    await queryClient.invalidateQueries({ queryKey: ['review-queue'] });
  };
  const assign = useMutation({
    mutationFn: (body: { reviewerId: string; institutionId: string }) =>
      call(() => api.POST('/api/review-assignments', { body })),
    onSuccess: async () => {
      setReviewerId('');
      setInstitutionId('');
      await refresh();
    },
  });
  const end = useMutation({
    mutationFn: (id: string) =>
      call(() => api.DELETE('/api/review-assignments/{id}', { params: { path: { id } } })),
    onSuccess: refresh,
  });
  const fieldError = (field: string) => {
    if (missing.includes(field)) return t('review.required');
    const d =
      assign.error instanceof ApiError ? assign.error.details.find((x) => x.path === field) : undefined;
    return d ? pickLabel({ zh: d.messageZh ?? '', en: d.messageEn ?? '' }, lang) : null;
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const empty = [!reviewerId && 'reviewerId', !institutionId && 'institutionId'].filter(
      Boolean,
    ) as string[];
    setMissing(empty);
    if (!empty.length) assign.mutate({ reviewerId, institutionId });
  };
  if (list.isError) return <ErrorAlert error={list.error} />;
  const data = list.data;
  if (!data) return null;
  const reviewerError = fieldError('reviewerId');
  const institutionError = fieldError('institutionId');
  return (
    <Paper component="section" variant="outlined" aria-labelledby="assign-title" sx={{ p: 2, mt: 4 }}>
      <Typography variant="h2" id="assign-title" sx={{ mb: 1 }}>
        {t(data.mayAssign ? 'review.assignments' : 'review.myAssignments')}
      </Typography>
      {data.mayAssign ? (
        <>
          <Typography sx={{ color: 'text.secondary', mb: 1.5 }}>{t('review.assignIntro')}</Typography>
          <Box
            component="form"
            aria-label={t('review.assignments')}
            onSubmit={submit}
            noValidate
            sx={{ display: 'flex', flexWrap: 'wrap', gap: 1.5, alignItems: 'flex-start', mb: 2 }}
          >
            <TextField
              select
              size="small"
              required
              label={t('review.reviewer')}
              value={reviewerId}
              onChange={(e) => setReviewerId(e.target.value)}
              error={Boolean(reviewerError)}
              helperText={reviewerError ?? undefined}
              sx={{ minWidth: '14rem' }}
            >
              {data.reviewers.map((r) => (
                <MenuItem key={r.id} value={r.id}>
                  {r.name}（{r.email}）
                </MenuItem>
              ))}
            </TextField>
            <TextField
              select
              size="small"
              required
              label={t('review.institution')}
              value={institutionId}
              onChange={(e) => setInstitutionId(e.target.value)}
              error={Boolean(institutionError)}
              helperText={institutionError ?? undefined}
              sx={{ minWidth: '16rem' }}
            >
              {data.institutions.map((i) => (
                <MenuItem key={i.id} value={i.id}>
                  {i.name}（{i.fullCode}）
                </MenuItem>
              ))}
            </TextField>
            <Button type="submit" variant="contained" disabled={assign.isPending}>
              {t('review.assign')}
            </Button>
          </Box>
          {assign.isError && !reviewerError && !institutionError ? <ErrorAlert error={assign.error} /> : null}
          {end.isError ? <ErrorAlert error={end.error} /> : null}
        </>
      ) : null}
      {data.items.length ? (
        <Box sx={{ overflowX: 'auto' }}>
          <Table size="small" aria-label={t('review.assignments')}>
            <TableHead>
              <TableRow>
                <TableCell>{t('review.reviewer')}</TableCell>
                <TableCell>{t('review.institution')}</TableCell>
                <TableCell>{t('review.assignedAt')}</TableCell>
                {data.mayAssign ? <TableCell /> : null}
              </TableRow>
            </TableHead>
            <TableBody>
              {data.items.map((a) => (
                <TableRow key={a.id}>
                  <TableCell>{a.reviewerName}</TableCell>
                  <TableCell>{a.institutionName}</TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>
                    <DateTime iso={a.createdAt} />
                  </TableCell>
                  {data.mayAssign ? (
                    <TableCell>
                      <Button size="small" disabled={end.isPending} onClick={() => end.mutate(a.id)}>
                        {t('review.endAssignment')}
                        <Box
                          component="span"
                          sx={{
                            position: 'absolute',
                            width: 1,
                            height: 1,
                            overflow: 'hidden',
                            clip: 'rect(0 0 0 0)',
                          }}
                        >
                          {` ${a.reviewerName} · ${a.institutionName}`}
                        </Box>
                      </Button>
                    </TableCell>
                  ) : null}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Box>
      ) : (
        <Typography sx={{ color: 'text.secondary' }}>{t('review.noAssignments')}</Typography>
      )}
    </Paper>
  );
}

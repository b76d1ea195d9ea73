// /institutions/:id — one institution: its details (an edit form for those the server lets edit it),
// the rights statement of its images (changeable by those the server names) with the reading-room
// networks it serves (where the chosen statement uses them), its staff by name, and
// the way to its imports when this person may import for it.
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
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
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, call } from '../api/client.js';
import { currentLang, pickLabel } from '../i18n/index.js';
import type { PageProps } from '../pages.js';
import { Link } from '../router.js';
import { DateTime } from '../shell/DateTime.js';
import { ErrorAlert } from '../shell/ErrorAlert.js';
import { takeFlash, type Flash } from '../shell/flash.js';
import { PageTitle } from '../shell/PageTitle.js';
import { InstitutionForm, type Institution } from '../institutions/InstitutionForm.js';
import { ReadingRoomNetworks } from '../institutions/ReadingRoomNetworks.js';
import { DetailsList } from '../shell/DetailsList.js';

function Section({
  id,
  title,
  action,
  children,
}: {
  id: string;
  title: string;
  action?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Paper component="section" variant="outlined" aria-labelledby={id} sx={{ p: { xs: 2, sm: 3 }, mb: 2 }}>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1, alignItems: 'baseline', mb: 1.5 }}>
        <Typography variant="h2" id={id} sx={{ flex: 1 }}>
          {title}
        </Typography>
        {action}
      </Box>
      {children}
    </Paper>
  );
}

function Details({ inst }: { inst: Institution }) {
  const { t } = useTranslation();
  const lang = currentLang();
  const rows: Array<[string, ReactNode]> = [
    [t('institutions.fullCode'), inst.fullCode],
    [t('institutions.province'), pickLabel(inst.provinceLabel, lang)],
    [t('institutions.type'), pickLabel(inst.typeLabel, lang)],
    [t('institutions.address'), inst.address],
    [t('institutions.contactName'), inst.contactName],
    [t('institutions.contactPhone'), inst.contactPhone],
    [t('institutions.contactEmail'), inst.contactEmail],
    [
      t('institutions.keyProtectionBatch'),
      inst.keyProtectionLabel ? pickLabel(inst.keyProtectionLabel, lang) : t('institutions.batchNone'),
    ],
    [
      t('institutions.restorationCentre'),
      inst.isRestorationCentre ? t('institutions.yes') : t('institutions.no'),
    ],
    [t('institutions.updatedAt'), <DateTime key="u" iso={inst.updatedAt} />],
  ];
  return <DetailsList rows={rows} />;
}

function Rights({ inst, onSaved }: { inst: Institution; onSaved: () => void }) {
  const { t } = useTranslation();
  const lang = currentLang();
  const [value, setValue] = useState(inst.rightsStatement);
  const [done, setDone] = useState(false);
  const statements = useQuery({
    queryKey: ['rights-statements'],
    queryFn: () => call(() => api.GET('/api/rights-statements')),
    staleTime: Infinity,
  });
  const save = useMutation({
    mutationFn: () =>
      call(() =>
        api.PUT('/api/institutions/{id}/rights-statement', {
          params: { path: { id: inst.id } },
          body: { rightsStatement: value, version: inst.version },
        }),
      ),
    onSuccess: () => {
      setDone(true);
      onSaved();
    },
  });
  const items = statements.data?.items ?? [];
  // The statement chosen (before saving, too) decides whether the reading-room networks matter.
  const chosen = items.find((s) => s.value === value);
  const serving = items.find((s) => s.usesOnSiteNetworks);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setDone(false);
    save.mutate();
  };
  const label = inst.rightsStatementLabel;
  return (
    <Section id="rights-title" title={t('institutions.rights')}>
      <Typography className="rights-terms" sx={{ mb: 2 }}>
        <strong>{lang === 'en' ? label.en : label.zh}</strong> —{' '}
        {lang === 'en' ? label.termsEn : label.termsZh}
      </Typography>
      {inst.abilities?.setRightsStatement && items.length ? (
        <Box
          component="form"
          noValidate
          onSubmit={submit}
          sx={{ display: 'grid', gap: 2, maxWidth: '32rem' }}
        >
          {done ? (
            <Alert severity="success" role="status">
              {t('institutions.rightsSaved')}
            </Alert>
          ) : null}
          {save.error ? <ErrorAlert error={save.error} /> : null}
          <TextField
            select
            id="rights-statement"
            label={t('institutions.rights')}
            value={value}
            onChange={(e) => setValue(e.target.value as Institution['rightsStatement'])}
            helperText={t('institutions.rightsHint')}
          >
            {items.map((s) => (
              <MenuItem key={s.value} value={s.value}>
                {pickLabel(s, lang)}
              </MenuItem>
            ))}
          </TextField>
          <Box>
            <Button type="submit" variant="contained" disabled={save.isPending}>
              {t('institutions.rightsSave')}
            </Button>
          </Box>
        </Box>
      ) : null}
      {chosen && serving ? (
        <ReadingRoomNetworks
          inst={inst}
          applies={chosen.usesOnSiteNetworks}
          servingStatement={pickLabel(serving, lang)}
          onSaved={onSaved}
        />
      ) : null}
    </Section>
  );
}

function Staff({ inst }: { inst: Institution }) {
  const { t } = useTranslation();
  const lang = currentLang();
  const staff = useQuery({
    queryKey: ['institution-staff', inst.id],
    queryFn: () =>
      call(() =>
        api.GET('/api/institutions/{id}/users', {
          params: { path: { id: inst.id }, query: { pageSize: 200 } },
        }),
      ),
  });
  return (
    <Section
      id="staff-title"
      title={t('institutions.staff')}
      action={
        inst.abilities?.addStaff ? (
          <Button
            component={Link}
            href={`/users/new?institutionId=${encodeURIComponent(inst.id)}`}
            variant="outlined"
            size="small"
          >
            {t('institutions.addStaff')}
          </Button>
        ) : null
      }
    >
      {staff.error ? <ErrorAlert error={staff.error} /> : null}
      {staff.data && !staff.data.items.length ? (
        <Typography sx={{ color: 'text.secondary' }}>{t('institutions.noStaff')}</Typography>
      ) : null}
      {staff.data?.items.length ? (
        <Box sx={{ overflowX: 'auto' }}>
          <Table size="small" aria-label={t('institutions.staff')}>
            <TableHead sx={{ '& th': { fontWeight: 600 } }}>
              <TableRow>
                <TableCell>{t('users.displayName')}</TableCell>
                <TableCell>{t('users.role')}</TableCell>
                <TableCell>{t('users.status')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {staff.data.items.map((u) => (
                <TableRow key={u.id}>
                  <TableCell>
                    <Box component="span" sx={{ display: 'block', fontWeight: 600 }}>
                      {u.displayName}
                    </Box>
                    <Box
                      component="span"
                      sx={{ display: 'block', color: 'text.secondary', fontSize: '0.85rem' }}
                    >
                      {u.email}
                    </Box>
                  </TableCell>
                  <TableCell>{pickLabel(u.roleLabel, lang)}</TableCell>
                  <TableCell>
                    <Chip
                      size="small"
                      variant="outlined"
                      color={u.active ? 'success' : 'default'}
                      label={u.active ? t('users.active') : t('users.inactive')}
                    />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Box>
      ) : null}
    </Section>
  );
}

export default function InstitutionPage({ params }: PageProps) {
  const { t } = useTranslation();
  const lang = currentLang();
  const id = params.id!;
  const queryClient = useQueryClient();
  const [flash, setFlashState] = useState<Flash | null>(takeFlash);
  const [saved, setSaved] = useState(false);
  const key = ['institution', id];
  const inst = useQuery({
    queryKey: key,
    queryFn: () => call(() => api.GET('/api/institutions/{id}', { params: { path: { id } } })),
    retry: false,
  });
  const imports = useQuery({
    queryKey: ['import-options', id],
    enabled: inst.isSuccess,
    queryFn: () => call(() => api.GET('/api/institutions/{id}/import-options', { params: { path: { id } } })),
  });
  const data = inst.data;
  const reload = () => queryClient.invalidateQueries({ queryKey: key });
  if (inst.error) {
    const missing = inst.error instanceof ApiError && [400, 404].includes(inst.error.status);
    return (
      <>
        <PageTitle title={t('common.notFoundTitle')}>{t('common.notFoundTitle')}</PageTitle>
        {missing ? (
          <Typography sx={{ mb: 2 }}>{t('institutions.notFound')}</Typography>
        ) : (
          <ErrorAlert error={inst.error} />
        )}
        <Button component={Link} href="/institutions" variant="outlined">
          {t('institutions.back')}
        </Button>
      </>
    );
  }
  if (!data) return <Typography role="status">{t('common.loading')}</Typography>;
  return (
    <>
      <Box component="nav" aria-label={t('institutions.breadcrumb')} sx={{ mb: 1 }}>
        <Link href="/institutions">{t('institutions.title')}</Link>
      </Box>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'baseline', gap: 1.5 }}>
        <Box sx={{ flex: 1 }}>
          <PageTitle title={data.name}>{data.name}</PageTitle>
        </Box>
        {imports.data?.kinds.length ? (
          <Button
            component={Link}
            href={`/institutions/${encodeURIComponent(id)}/imports`}
            variant="outlined"
          >
            {t('imports.title')}
          </Button>
        ) : null}
      </Box>
      <Typography sx={{ color: 'text.secondary', mb: 2 }}>
        <Box component="span" sx={{ fontFamily: 'monospace' }}>
          {data.fullCode}
        </Box>{' '}
        · {pickLabel(data.provinceLabel, lang)} · {pickLabel(data.typeLabel, lang)}
      </Typography>
      {flash ? (
        <Alert severity="success" role="status" sx={{ mb: 2 }} onClose={() => setFlashState(null)}>
          {(t as (key: string, values?: Record<string, string>) => string)(flash.key, flash.values)}
        </Alert>
      ) : null}
      {saved ? (
        <Alert severity="success" role="status" sx={{ mb: 2 }} onClose={() => setSaved(false)}>
          {t('institutions.updated')}
        </Alert>
      ) : null}
      {data.abilities?.edit ? (
        <Section id="edit-title" title={t('institutions.editTitle')}>
          <InstitutionForm
            key={data.version}
            institution={data}
            onSaved={() => {
              setSaved(true);
              void reload();
            }}
          />
        </Section>
      ) : (
        <Section id="details-title" title={t('institutions.details')}>
          <Details inst={data} />
        </Section>
      )}
      <Rights inst={data} onSaved={() => void reload()} />
      {data.abilities?.viewStaff ? <Staff inst={data} /> : null}
    </>
  );
}

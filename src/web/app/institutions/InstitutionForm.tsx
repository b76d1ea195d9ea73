// The institution form, for registering (/institutions/new) and editing (on the institution's page).
// Provinces, types and batches come from the server (only the provinces this administrator may use;
// the national designations only for those who may set them); every problem the server finds is
// shown together, each under its field.
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, call } from '../api/client.js';
import type { paths } from '../api/openapi.js';
import { currentLang, pickLabel } from '../i18n/index.js';
import { fieldErrors } from '../records/fieldErrors.js';
import { ErrorAlert } from '../shell/ErrorAlert.js';

export type Institution =
  paths['/api/institutions/{id}']['get']['responses']['200']['content']['application/json'];
type Saved = paths['/api/institutions']['post']['responses']['201']['content']['application/json'];
type InstitutionType = Institution['type'];

const TEXT_FIELDS = ['name', 'address', 'contactName', 'contactPhone', 'contactEmail'] as const;
const FIELDS = new Set([
  'provinceCode',
  'code',
  'type',
  'keyProtectionBatch',
  'isRestorationCentre',
  ...TEXT_FIELDS,
]);

export function useInstitutionFormOptions() {
  return useQuery({
    queryKey: ['institution-form-options'],
    queryFn: () => call(() => api.GET('/api/institution-form-options')),
    staleTime: 5 * 60_000,
  });
}

function Fieldset({ legend, children }: { legend: string; children: ReactNode }) {
  return (
    <Box component="fieldset" sx={{ border: 0, p: 0, m: 0, mb: 3, display: 'grid', gap: 2 }}>
      <Typography component="legend" variant="h3" sx={{ mb: 1.5, fontSize: '1.05rem', fontWeight: 600 }}>
        {legend}
      </Typography>
      {children}
    </Box>
  );
}

export function InstitutionForm({
  institution,
  onSaved,
  cancel,
}: {
  institution: Institution | null;
  onSaved: (saved: Saved) => void;
  cancel?: ReactNode;
}) {
  const { t } = useTranslation();
  const lang = currentLang();
  const options = useInstitutionFormOptions();
  const [values, setValues] = useState({
    provinceCode: institution?.provinceCode ?? '',
    code: institution?.code ?? '',
    name: institution?.name ?? '',
    type: institution?.type ?? '',
    address: institution?.address ?? '',
    contactName: institution?.contactName ?? '',
    contactPhone: institution?.contactPhone ?? '',
    contactEmail: institution?.contactEmail ?? '',
    keyProtectionBatch: institution?.keyProtectionBatch ? String(institution.keyProtectionBatch) : '',
    isRestorationCentre: institution?.isRestorationCentre ?? false,
  });
  const version = useRef(institution?.version);
  // One province to choose from (a provincial administrator's): chosen already.
  useEffect(() => {
    const only = options.data?.provinces.length === 1 ? options.data.provinces[0]!.code : '';
    if (only) setValues((v) => ({ ...v, provinceCode: v.provinceCode || only }));
  }, [options.data]);

  const save = useMutation({
    mutationFn: () => {
      const designations = options.data?.setNationalDesignations
        ? {
            keyProtectionBatch: values.keyProtectionBatch ? Number(values.keyProtectionBatch) : null,
            isRestorationCentre: values.isRestorationCentre,
          }
        : {};
      const orNull = (v: string) => (v.trim() ? v.trim() : null);
      const body = {
        provinceCode: values.provinceCode,
        code: values.code.trim(),
        name: values.name.trim(),
        type: values.type as InstitutionType,
        address: orNull(values.address),
        contactName: orNull(values.contactName),
        contactPhone: orNull(values.contactPhone),
        contactEmail: orNull(values.contactEmail),
        ...designations,
      };
      return institution
        ? call(() =>
            api.PATCH('/api/institutions/{id}', {
              params: { path: { id: institution.id } },
              body: { ...body, version: version.current },
            }),
          )
        : call(() => api.POST('/api/institutions', { body }));
    },
    onSuccess: (saved) => {
      version.current = saved.version;
      onSaved(saved);
    },
  });
  const problems = fieldErrors(save.error, lang);
  // After a refused save, the first field with a problem takes the focus (keyboard and screen readers).
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (save.error) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [save.error]);
  // A conflict (code taken) says what happened as a whole, besides the field; a schema failure does not.
  const whole = save.error instanceof ApiError && save.error.code !== 'VALIDATION_FAILED';
  const problemCount = [...problems.values()].reduce((n, list) => n + list.length, 0);
  const set = (name: keyof typeof values) => (e: { target: { value: string } }) => {
    setValues({ ...values, [name]: e.target.value });
  };
  const text = (
    name: (typeof TEXT_FIELDS)[number] | 'code',
    label: string,
    extra: {
      hint?: string;
      type?: string;
      maxLength?: number;
      autoComplete?: string;
      required?: boolean;
    } = {},
  ) => (
    <TextField
      id={`inst-${name}`}
      name={name}
      label={label}
      required={extra.required}
      type={extra.type ?? 'text'}
      autoComplete={extra.autoComplete ?? 'off'}
      value={values[name]}
      onChange={set(name)}
      error={problems.has(name)}
      helperText={problems.get(name)?.join('；') ?? extra.hint}
      slotProps={{ htmlInput: { maxLength: extra.maxLength ?? 200 } }}
    />
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  if (options.error) return <ErrorAlert error={options.error} />;
  if (!options.data) return <Typography role="status">{t('common.loading')}</Typography>;
  const provinces =
    options.data.provinces.some((p) => p.code === values.provinceCode) || !institution
      ? options.data.provinces
      : [...options.data.provinces, { code: institution.provinceCode, label: institution.provinceLabel }];
  const fullCode = `${values.provinceCode || '______'}-${/^\d{4}$/.test(values.code.trim()) ? values.code.trim() : '____'}`;
  return (
    <Box
      component="form"
      ref={formRef}
      noValidate
      onSubmit={submit}
      aria-label={institution ? t('institutions.editTitle') : t('institutions.createTitle')}
      sx={{ maxWidth: '44rem' }}
    >
      {save.error && problemCount ? (
        <Typography role="alert" sx={{ color: 'error.main', mb: 2, fontWeight: 600 }}>
          {t('institutions.errorsTitle', { n: problemCount })}
        </Typography>
      ) : null}
      {save.error && (whole || !problemCount || [...problems.keys()].some((k) => !FIELDS.has(k))) ? (
        <ErrorAlert error={save.error} />
      ) : null}
      <Fieldset legend={t('institutions.basic')}>
        <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr' } }}>
          <TextField
            select
            id="inst-provinceCode"
            name="provinceCode"
            label={t('institutions.province')}
            required
            value={values.provinceCode}
            onChange={set('provinceCode')}
            error={problems.has('provinceCode')}
            helperText={problems.get('provinceCode')?.join('；')}
          >
            {provinces.map((p) => (
              <MenuItem key={p.code} value={p.code}>
                {pickLabel(p.label, lang)} {p.code}
              </MenuItem>
            ))}
          </TextField>
          {text('code', t('institutions.code'), {
            hint: t('institutions.codeHint'),
            maxLength: 4,
            required: true,
          })}
        </Box>
        <Box>
          <Typography
            component="label"
            htmlFor="inst-fullCode"
            sx={{ color: 'text.secondary', fontSize: '0.9rem' }}
          >
            {t('institutions.fullCode')}
          </Typography>
          <Box
            component="output"
            id="inst-fullCode"
            aria-live="polite"
            sx={{ display: 'block', fontFamily: 'monospace', fontSize: '1.1rem' }}
          >
            {fullCode}
          </Box>
          <Typography sx={{ color: 'text.secondary', fontSize: '0.85rem' }}>
            {t('institutions.fullCodeHint')}
          </Typography>
        </Box>
        {text('name', t('institutions.name'), { required: true, autoComplete: 'organization' })}
        <TextField
          select
          id="inst-type"
          name="type"
          label={t('institutions.type')}
          required
          value={values.type}
          onChange={set('type')}
          error={problems.has('type')}
          helperText={problems.get('type')?.join('；')}
        >
          {options.data.types.map((o) => (
            <MenuItem key={o.value} value={o.value}>
              {pickLabel(o.label, lang)}
            </MenuItem>
          ))}
        </TextField>
      </Fieldset>
      <Fieldset legend={t('institutions.contact')}>
        {text('address', t('institutions.address'), { maxLength: 300, autoComplete: 'street-address' })}
        <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr' } }}>
          {text('contactName', t('institutions.contactName'), { maxLength: 100, autoComplete: 'name' })}
          {text('contactPhone', t('institutions.contactPhone'), {
            type: 'tel',
            maxLength: 50,
            autoComplete: 'tel',
          })}
        </Box>
        {text('contactEmail', t('institutions.contactEmail'), { type: 'email', autoComplete: 'email' })}
      </Fieldset>
      {options.data.setNationalDesignations ? (
        <Fieldset legend={t('institutions.protection')}>
          <TextField
            select
            id="inst-keyProtectionBatch"
            name="keyProtectionBatch"
            label={t('institutions.keyProtectionBatch')}
            value={values.keyProtectionBatch}
            onChange={set('keyProtectionBatch')}
            error={problems.has('keyProtectionBatch')}
            helperText={problems.get('keyProtectionBatch')?.join('；')}
          >
            <MenuItem value="">{t('institutions.batchNone')}</MenuItem>
            {options.data.batches.map((b) => (
              <MenuItem key={b.value} value={String(b.value)}>
                {pickLabel(b.label, lang)}
              </MenuItem>
            ))}
          </TextField>
          <FormControlLabel
            control={
              <Checkbox
                name="isRestorationCentre"
                checked={values.isRestorationCentre}
                onChange={(e) => setValues({ ...values, isRestorationCentre: e.target.checked })}
              />
            }
            label={t('institutions.restorationCentre')}
          />
        </Fieldset>
      ) : null}
      <Box sx={{ display: 'flex', gap: 1 }}>
        <Button type="submit" variant="contained" disabled={save.isPending}>
          {institution ? t('institutions.save') : t('institutions.create')}
        </Button>
        {cancel}
      </Box>
    </Box>
  );
}

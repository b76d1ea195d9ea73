// The role of an account and what it belongs to: the roles and provinces come from the server
// (GET /api/users/role-choices: only what this administrator may hand out, each role saying whether
// it belongs to an institution, a province or neither); the page re-types no role table.
import Box from '@mui/material/Box';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, call } from '../api/client.js';
import type { paths } from '../api/openapi.js';
import { currentLang, pickLabel } from '../i18n/index.js';

export type RoleChoices =
  paths['/api/users/role-choices']['get']['responses']['200']['content']['application/json'];
export type Role = RoleChoices['roles'][number]['role'];

export interface RoleScope {
  role: Role | '';
  institutionProvince: string;
  institutionId: string;
  provinceCode: string;
}

export function useRoleChoices() {
  return useQuery({
    queryKey: ['role-choices'],
    queryFn: () => call(() => api.GET('/api/users/role-choices')),
    staleTime: 5 * 60_000,
  });
}

/** What an account of this role belongs to, as the server said. */
export function scopeOf(choices: RoleChoices | undefined, role: string) {
  return choices?.roles.find((r) => r.role === role)?.scope ?? null;
}

/** The request fields for a role and its scope (institution or province only where the role has one). */
export function scopeBody(choices: RoleChoices | undefined, value: RoleScope) {
  const scope = scopeOf(choices, value.role);
  return {
    role: value.role as Role,
    institutionId: scope === 'institution' ? value.institutionId || null : null,
    provinceCode: scope === 'province' ? value.provinceCode || null : null,
  };
}

export function RoleScopeFields({
  choices,
  value,
  onChange,
  problems,
  idPrefix = '',
}: {
  choices: RoleChoices;
  value: RoleScope;
  onChange: (next: RoleScope) => void;
  problems: Map<string, string[]>;
  idPrefix?: string;
}) {
  const { t } = useTranslation();
  const lang = currentLang();
  const scope = scopeOf(choices, value.role);
  const institutions = useQuery({
    queryKey: ['institutions-of', value.institutionProvince],
    enabled: scope === 'institution' && Boolean(value.institutionProvince),
    queryFn: () =>
      call(() =>
        api.GET('/api/institutions', {
          params: { query: { provinceCode: value.institutionProvince, pageSize: 200 } },
        }),
      ),
  });
  const errorOf = (name: string) => problems.get(name)?.join('；');
  const provinceOptions = choices.provinces.map((p) => (
    <MenuItem key={p.code} value={p.code}>
      {pickLabel(p.label, lang)}
    </MenuItem>
  ));
  return (
    <>
      <TextField
        select
        id={`${idPrefix}role`}
        name="role"
        label={t('users.role')}
        required
        value={value.role}
        onChange={(e) => onChange({ ...value, role: e.target.value as Role })}
        error={Boolean(errorOf('role'))}
        helperText={
          errorOf('role') ??
          (scope === 'institution'
            ? t('users.hintInstitution')
            : scope === 'province'
              ? t('users.hintProvince')
              : scope === 'none'
                ? t('users.hintNone')
                : undefined)
        }
      >
        {choices.roles.map((r) => (
          <MenuItem key={r.role} value={r.role}>
            {pickLabel(r.label, lang)}
          </MenuItem>
        ))}
      </TextField>
      {scope === 'institution' ? (
        <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', sm: '1fr 2fr' } }}>
          <TextField
            select
            id={`${idPrefix}institutionProvince`}
            label={t('users.institutionProvince')}
            value={value.institutionProvince}
            onChange={(e) => onChange({ ...value, institutionProvince: e.target.value, institutionId: '' })}
          >
            {provinceOptions}
          </TextField>
          <TextField
            select
            id={`${idPrefix}institutionId`}
            name="institutionId"
            label={t('users.institution')}
            required
            disabled={!value.institutionProvince}
            value={
              institutions.data?.items.some((i) => i.id === value.institutionId) ? value.institutionId : ''
            }
            onChange={(e) => onChange({ ...value, institutionId: e.target.value })}
            error={Boolean(errorOf('institutionId'))}
            helperText={
              errorOf('institutionId') ??
              (!value.institutionProvince
                ? t('users.pickProvinceFirst')
                : institutions.data && !institutions.data.items.length
                  ? t('users.noInstitutions')
                  : undefined)
            }
          >
            {(institutions.data?.items ?? []).map((i) => (
              <MenuItem key={i.id} value={i.id}>
                {i.name}（{i.fullCode}）
              </MenuItem>
            ))}
          </TextField>
        </Box>
      ) : null}
      {scope === 'province' ? (
        <TextField
          select
          id={`${idPrefix}provinceCode`}
          name="provinceCode"
          label={t('users.province')}
          required
          value={value.provinceCode}
          onChange={(e) => onChange({ ...value, provinceCode: e.target.value })}
          error={Boolean(errorOf('provinceCode'))}
          helperText={errorOf('provinceCode')}
        >
          {provinceOptions}
        </TextField>
      ) : null}
      {!choices.roles.length ? <Typography>{t('users.noRoles')}</Typography> : null}
    </>
  );
}

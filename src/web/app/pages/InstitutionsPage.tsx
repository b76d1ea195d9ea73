// /institutions — the directory of collecting institutions: filters (province, type, search) kept in
// the address, types and provinces by their labels, 新建单位 only for those the server lets register.
import Alert from '@mui/material/Alert';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../api/client.js';
import type { paths } from '../api/openapi.js';
import { currentLang, pickLabel } from '../i18n/index.js';
import type { PageProps } from '../pages.js';
import { Link } from '../router.js';
import { ErrorAlert } from '../shell/ErrorAlert.js';
import { FilterForm, FilterSearch, FilterSelect, useFilterValues } from '../shell/FilterForm.js';
import { ListHeader, ResultsSection, type Column } from '../shell/ResultsTable.js';
import { takeFlash, type Flash } from '../shell/flash.js';
import { useUrlList, type Filters } from '../shell/urlFilters.js';

type Institution =
  paths['/api/institutions']['get']['responses']['200']['content']['application/json']['items'][number];

const PAGE_SIZE = 20;
const FILTERS = ['provinceCode', 'type', 'q'] as const;

function useReference() {
  const provinces = useQuery({
    queryKey: ['provinces'],
    queryFn: () => call(() => api.GET('/api/provinces')),
    staleTime: Infinity,
  });
  return provinces;
}

function FiltersForm({
  filters,
  active,
  types,
}: {
  filters: Filters<(typeof FILTERS)[number]>;
  active: boolean;
  types: Array<{ value: string; label: { zh: string; en: string } }>;
}) {
  const { t } = useTranslation();
  const lang = currentLang();
  const provinces = useReference();
  const { values, field } = useFilterValues(filters);
  return (
    <FilterForm
      ns="institutions"
      path="/institutions"
      query={() => ({ ...values, q: values.q.trim() })}
      active={active}
    >
      <FilterSelect
        {...field('provinceCode')}
        label={t('institutions.province')}
        allLabel={t('institutions.allProvinces')}
        options={(provinces.data?.items ?? []).map((p) => ({
          value: p.code,
          label: pickLabel({ zh: p.nameZh, en: p.nameEn }, lang),
        }))}
      />
      <FilterSelect
        {...field('type')}
        label={t('institutions.type')}
        allLabel={t('institutions.allTypes')}
        options={types.map((o) => ({ value: o.value, label: pickLabel(o.label, lang) }))}
      />
      <FilterSearch
        {...field('q')}
        label={t('institutions.q')}
        hint={t('institutions.qHint')}
        maxLength={100}
      />
    </FilterForm>
  );
}

function useColumns(): Array<Column<Institution>> {
  const { t } = useTranslation();
  const lang = currentLang();
  return [
    {
      key: 'fullCode',
      header: t('institutions.fullCode'),
      nowrap: true,
      mono: true,
      cell: (i) => i.fullCode,
    },
    {
      key: 'name',
      header: t('institutions.name'),
      cell: (i) => <Link href={`/institutions/${encodeURIComponent(i.id)}`}>{i.name}</Link>,
    },
    {
      key: 'province',
      header: t('institutions.province'),
      nowrap: true,
      cell: (i) => pickLabel(i.provinceLabel, lang),
    },
    { key: 'type', header: t('institutions.type'), nowrap: true, cell: (i) => pickLabel(i.typeLabel, lang) },
    {
      key: 'keyProtection',
      header: t('institutions.keyProtectionShort'),
      nowrap: true,
      cell: (i) => (i.keyProtectionLabel ? pickLabel(i.keyProtectionLabel, lang) : t('audit.dash')),
    },
    {
      key: 'restoration',
      header: t('institutions.restorationShort'),
      cell: (i) => (i.isRestorationCentre ? t('institutions.yes') : t('institutions.no')),
    },
  ];
}

export default function InstitutionsPage(_props: PageProps) {
  const { t } = useTranslation();
  const { filters, active, hrefFor, list } = useUrlList('/institutions', FILTERS, PAGE_SIZE, (query) =>
    api.GET('/api/institutions', { params: { query } }),
  );
  const [flash, setFlashState] = useState<Flash | null>(takeFlash);
  const columns = useColumns();
  const formOptions = useQuery({
    queryKey: ['institution-form-options'],
    queryFn: () => call(() => api.GET('/api/institution-form-options')),
    staleTime: 5 * 60_000,
  });
  const answer = list.data;
  return (
    <>
      <ListHeader ns="institutions" create={answer?.mayCreate ? '/institutions/new' : null} />
      {flash ? (
        <Alert severity="success" role="status" sx={{ mb: 2 }} onClose={() => setFlashState(null)}>
          {(t as (key: string, values?: Record<string, string>) => string)(flash.key, flash.values)}
        </Alert>
      ) : null}
      <FiltersForm
        key={JSON.stringify(filters)}
        filters={filters}
        active={active}
        types={formOptions.data?.types ?? []}
      />
      {list.error ? <ErrorAlert error={list.error} /> : null}
      <ResultsSection
        list={list}
        ns="institutions"
        hrefFor={hrefFor}
        columns={columns}
        rowKey={(i) => i.id}
      />
    </>
  );
}

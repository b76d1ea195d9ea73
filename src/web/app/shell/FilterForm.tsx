// The filter form above a list: a search landmark laid out as a grid (one column on a phone), its
// fields, 查询 and — when any filter is set — 清除筛选. Submitting goes to the list's address with
// the filters in its query (see urlFilters.ts), so the address is the one source of the filters.
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import TextField from '@mui/material/TextField';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { navigate, Link } from '../router.js';
import { listQuery } from './ListPager.js';

/** The lists whose words (筛选…, 查询, 清除筛选, 共 n …, 没有…) follow one pattern of keys. */
export type ListNamespace = 'institutions' | 'users' | 'audit' | 'records';

/** The values being typed into a filter form, and the props binding one field to them. */
export function useFilterValues<V extends Record<string, string>>(initial: V) {
  const [values, setValues] = useState(initial);
  const field = (name: keyof V & string) => ({
    name,
    value: values[name],
    onChange: (value: string) => setValues({ ...values, [name]: value }),
  });
  return { values, setValues, field };
}

export function FilterForm({
  ns,
  path,
  query,
  active,
  wideActions = false,
  children,
}: {
  /** Whose words: the landmark's name, 查询 and 清除筛选 are this list's. */
  ns: ListNamespace;
  /** The list's address. */
  path: string;
  /** The filters to go to (called on submit; empty ones are left out of the address). */
  query: () => Record<string, string>;
  /** Whether any filter is set now (then 清除筛选 is offered). */
  active: boolean;
  /** The buttons take two columns of the grid. */
  wideActions?: boolean;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    navigate(`${path}${listQuery(query())}`);
  };
  return (
    <Paper
      component="form"
      variant="outlined"
      role="search"
      aria-label={t(`${ns}.filters`)}
      noValidate
      onSubmit={submit}
      sx={{
        p: 2,
        mb: 2,
        display: 'grid',
        gap: 1.5,
        gridTemplateColumns: { xs: '1fr', sm: 'repeat(2, 1fr)', md: 'repeat(4, 1fr)' },
      }}
    >
      {children}
      <Box
        sx={{
          display: 'flex',
          gap: 1,
          alignItems: 'flex-start',
          gridColumn: wideActions ? { sm: 'span 2' } : undefined,
        }}
      >
        <Button type="submit" variant="contained">
          {t(`${ns}.search`)}
        </Button>
        {active ? (
          <Button component={Link} href={path}>
            {t(`${ns}.clear`)}
          </Button>
        ) : null}
      </Box>
    </Paper>
  );
}

/** A choice among labelled values, with “all” first; its problems from the server under it. */
export function FilterSelect({
  name,
  label,
  value,
  onChange,
  allLabel,
  options,
  problems,
}: {
  name: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  allLabel: string;
  options: ReadonlyArray<{ value: string; label: string }>;
  problems?: Map<string, string[]>;
}) {
  return (
    <TextField
      select
      id={`filter-${name}`}
      name={name}
      label={label}
      size="small"
      value={value}
      onChange={(e) => onChange(e.target.value)}
      error={problems?.has(name) ?? false}
      helperText={problems?.get(name)?.join('；')}
    >
      <MenuItem value="">{allLabel}</MenuItem>
      {options.map((o) => (
        <MenuItem key={o.value} value={o.value}>
          {o.label}
        </MenuItem>
      ))}
    </TextField>
  );
}

/** The free-text search of a filter form (name q), its hint or the server's problem under it. */
export function FilterSearch({
  label,
  hint,
  value,
  onChange,
  problems,
  maxLength,
  wide = false,
}: {
  label: string;
  hint: string;
  value: string;
  onChange: (value: string) => void;
  problems?: Map<string, string[]>;
  maxLength?: number;
  /** Takes two columns of the grid. */
  wide?: boolean;
}) {
  return (
    <TextField
      id="filter-q"
      name="q"
      type="search"
      label={label}
      size="small"
      value={value}
      onChange={(e) => onChange(e.target.value)}
      error={problems?.has('q') ?? false}
      helperText={problems?.get('q')?.join('；') ?? hint}
      slotProps={{ htmlInput: { maxLength } }}
      sx={wide ? { gridColumn: { sm: 'span 2' } } : undefined}
    />
  );
}

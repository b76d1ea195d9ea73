// The one results table of the staff lists: columns as data (a header and a render function per
// cell), rows keyed for tests and screen readers, a scrolling frame on narrow screens (or, where a
// page gives one, a card per row on a phone), and around it the list's section — the total as a
// heading, the empty state, the page links and the loading line — so every list reads the same.
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import useMediaQuery from '@mui/material/useMediaQuery';
import type { SxProps, Theme } from '@mui/material/styles';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import Button from '@mui/material/Button';
import { Link } from '../router.js';
import type { ListNamespace } from './FilterForm.js';
import { ListPager } from './ListPager.js';
import { PageTitle } from './PageTitle.js';

/** One column: its header and how a row shows in it. */
export interface Column<T> {
  readonly key: string;
  readonly header: ReactNode;
  readonly cell: (row: T) => ReactNode;
  /** Keep the cell on one line (dates, codes, short labels). */
  readonly nowrap?: boolean;
  /** Set in a monospace face (census numbers, institution codes). */
  readonly mono?: boolean;
  readonly align?: 'right';
  readonly padding?: 'checkbox';
  readonly sx?: SxProps<Theme>;
}

export interface ResultsTableProps<T> {
  /** The table's accessible name. */
  readonly label: string;
  /** The columns; a `false` or `null` entry is a column this user does not get. */
  readonly columns: ReadonlyArray<Column<T> | false | null>;
  readonly rows: readonly T[];
  readonly rowKey: (row: T) => string;
  readonly className?: string;
  /** A card per row on a phone, instead of the scrolling table. */
  readonly card?: (row: T) => ReactNode;
  readonly cardsClassName?: string;
}

const PHONE = '(max-width: 700px)';

function cellSx<T>(column: Column<T>): SxProps<Theme> {
  return [
    column.nowrap ? { whiteSpace: 'nowrap' } : {},
    column.mono ? { fontFamily: 'monospace' } : {},
    ...(Array.isArray(column.sx) ? column.sx : column.sx ? [column.sx] : []),
  ] as SxProps<Theme>;
}

export function ResultsTable<T>({
  label,
  columns,
  rows,
  rowKey,
  className,
  card,
  cardsClassName,
}: ResultsTableProps<T>) {
  const phone = useMediaQuery(PHONE);
  const shown = columns.filter((c): c is Column<T> => Boolean(c));
  if (card && phone)
    return (
      <Box
        component="ol"
        className={cardsClassName}
        sx={{ listStyle: 'none', p: 0, m: 0, display: 'grid', gap: 1 }}
      >
        {rows.map((row) => (
          <Box component="li" key={rowKey(row)} data-key={rowKey(row)}>
            {card(row)}
          </Box>
        ))}
      </Box>
    );
  return (
    <Box
      sx={{
        overflowX: 'auto',
        border: 1,
        borderColor: 'divider',
        borderRadius: 1,
        bgcolor: 'background.paper',
      }}
    >
      <Table size="small" aria-label={label} className={className}>
        <TableHead sx={{ '& th': { whiteSpace: 'nowrap', fontWeight: 600 } }}>
          <TableRow>
            {shown.map((c) => (
              <TableCell key={c.key} align={c.align} padding={c.padding}>
                {c.header}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((row) => (
            <TableRow key={rowKey(row)} data-key={rowKey(row)} hover>
              {shown.map((c) => (
                <TableCell key={c.key} align={c.align} padding={c.padding} sx={cellSx(c)}>
                  {c.cell(row)}
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
}

/** A page of a list as the API answers it. */
export interface ListAnswer<T> {
  readonly items: readonly T[];
  readonly page: number;
  readonly pageSize: number;
  readonly total: number;
}

/**
 * A list's results: the total as the section's heading (focusable, announced), the empty state,
 * the table (with whatever the page puts above it), the page links; a loading line until the first
 * answer. The words are the list's own (`ns`: its title names the table, its total and empty
 * texts), unless the page says the total otherwise.
 */
export function ResultsSection<T>({
  list,
  ns,
  summary,
  hrefFor,
  above,
  ...table
}: {
  readonly list: { data?: ListAnswer<T> | undefined; isPending: boolean };
  readonly ns: ListNamespace;
  readonly summary?: string;
  readonly hrefFor: (page: number) => string;
  /** Shown above the table when there are rows (e.g. the bulk actions). */
  readonly above?: ReactNode;
} & Omit<ResultsTableProps<T>, 'rows' | 'label'>) {
  const { t } = useTranslation();
  const answer = list.data;
  if (!answer)
    return list.isPending ? (
      <Typography role="status" sx={{ color: 'text.secondary' }}>
        {t('common.loading')}
      </Typography>
    ) : null;
  return (
    <Box component="section" aria-labelledby="results-summary">
      <Typography variant="h2" id="results-summary" tabIndex={-1} sx={{ my: 1.5 }} aria-live="polite">
        {summary ?? t(`${ns}.total`, { total: answer.total })}
      </Typography>
      {answer.items.length === 0 ? (
        <Alert severity="info">{t(`${ns}.empty`)}</Alert>
      ) : (
        <>
          {above}
          <ResultsTable rows={answer.items} label={t(`${ns}.title`)} {...table} />
        </>
      )}
      <ListPager page={answer.page} pageSize={answer.pageSize} total={answer.total} hrefFor={hrefFor} />
    </Box>
  );
}

/** A list page's title, with the way to add one where the server offers it, and other links. */
export function ListHeader({
  ns,
  create,
  children,
}: {
  readonly ns: Exclude<ListNamespace, 'audit'>;
  /** Where a new one is made, when the server lets this user make one. */
  readonly create: string | null;
  readonly children?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'baseline', gap: 1.5, mb: 1 }}>
      <Box sx={{ flex: 1 }}>
        <PageTitle title={t(`${ns}.title`)}>{t(`${ns}.title`)}</PageTitle>
      </Box>
      {create ? (
        <Button component={Link} href={create} variant="contained">
          {t(`${ns}.new`)}
        </Button>
      ) : null}
      {children}
    </Box>
  );
}

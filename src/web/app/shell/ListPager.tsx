// Page links under a list: real links (keyboard, new tab), each page named for screen readers.
import Pagination from '@mui/material/Pagination';
import PaginationItem from '@mui/material/PaginationItem';
import type { AnchorHTMLAttributes, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from '../router.js';

function ItemLink({
  href,
  children,
  ...rest
}: { href: string; children?: ReactNode } & AnchorHTMLAttributes<HTMLAnchorElement>) {
  return (
    <Link href={href} {...rest}>
      {children}
    </Link>
  );
}

export function ListPager({
  page,
  pageSize,
  total,
  hrefFor,
}: {
  page: number;
  pageSize: number;
  total: number;
  hrefFor: (page: number) => string;
}) {
  const { t } = useTranslation();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  return (
    <Pagination
      sx={{ mt: 2 }}
      page={page}
      count={pages}
      renderItem={(item) => (
        <PaginationItem
          component={ItemLink}
          href={hrefFor(item.page ?? 1)}
          {...item}
          aria-label={item.type === 'page' ? t('records.pageN', { n: item.page }) : undefined}
        />
      )}
    />
  );
}

/** The query string of a list's address: the non-empty filters and the page (from 2). */
export function listQuery(filters: Record<string, string>, page = 1): string {
  const query = new URLSearchParams(Object.entries(filters).filter(([, v]) => v));
  if (page > 1) query.set('page', String(page));
  return query.size ? `?${query}` : '';
}

import { Button, Stack, Typography } from '@mui/material';
import { nextPage, pageRange, previousPage, type CursorPages } from '../pages/overview/overview-logic';

/**
 * Previous and next page of a list the API pages by cursor (SPEC C7 client lists, P5 reports):
 * where the person is ("Clients 26–50 of 123") and buttons to move, so a large firm's lists load
 * one page at a time.
 */
export function CursorPager({
  pages,
  onChange,
  pageSize,
  rowsOnPage,
  endCursor,
  hasNextPage,
  total,
  noun,
  label,
}: {
  pages: CursorPages;
  onChange: (next: CursorPages) => void;
  pageSize: number;
  rowsOnPage: number;
  endCursor: string | null | undefined;
  hasNextPage: boolean;
  total?: number | null;
  noun?: string;
  /** Names the pager for screen readers, e.g. "Pages of active clients". */
  label: string;
}) {
  const first = pages.trail.length === 1;
  if (first && !hasNextPage) return null;
  return (
    <Stack component="nav" aria-label={label} direction="row" spacing={1} sx={{ mt: 1, alignItems: 'center', justifyContent: 'flex-end' }}>
      <Typography variant="body2" color="text.secondary" role="status">
        {pageRange(pages, pageSize, rowsOnPage, total, noun)}
      </Typography>
      <Button size="small" disabled={first} onClick={() => onChange(previousPage(pages))}>
        Previous page
      </Button>
      <Button size="small" disabled={!hasNextPage || !endCursor} onClick={() => onChange(nextPage(pages, endCursor))}>
        Next page
      </Button>
    </Stack>
  );
}

import { useCallback, useEffect, useRef, useState, type UIEvent } from 'react';
import { useClient, type CombinedError } from 'urql';
import { Autocomplete, TextField, type SxProps } from '@mui/material';
import { graphql } from '../gql';
import type { ClientPermission } from '../gql/graphql';
import { formErrors } from '../api/errors';

const ClientPickerPage = graphql(`
  query ClientPickerPage($search: String, $first: Int!, $after: String) {
    myClientsPage(search: $search, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          businessName
          fein
          firmLink {
            permissions
          }
        }
      }
    }
  }
`);

/** A client picked from the firm's list. */
export interface PickedClient {
  id: string;
  businessName: string;
  /** What the client grants the firm: an assignment can give no more (SPEC C3). */
  linkPermissions: readonly ClientPermission[];
}

/** How many clients one page of the picker asks for. */
export const PICKER_PAGE_SIZE = 20;
/** How long typing pauses before the picker asks the API. */
export const PICKER_DEBOUNCE_MS = 250;

interface Loaded {
  search: string;
  options: PickedClient[];
  next: string | null;
  total: number;
}

type Choice = { multiple: true; value: PickedClient[]; onChange: (value: PickedClient[]) => void } | { multiple?: false; value: PickedClient | null; onChange: (value: PickedClient | null) => void };

/**
 * The firm's clients as an autocomplete that asks the API a page at a time (`myClientsPage` with
 * its `search`: part of the name or the start of the FEIN), never the whole list: a firm may have
 * thousands (SPEC C7). Scrolling to the end of the list asks for the next page. Only clients the
 * caller sees are offered (SPEC C6); `exclude` hides some (e.g. already in the group).
 */
export function ClientPicker({
  id,
  label,
  helperText,
  error,
  exclude,
  size,
  sx,
  ...choice
}: {
  id: string;
  label: string;
  helperText?: string;
  error?: boolean;
  exclude?: (clientId: string) => boolean;
  size?: 'small' | 'medium';
  sx?: SxProps;
} & Choice) {
  const client = useClient();
  const [open, setOpen] = useState(false);
  const [input, setInput] = useState('');
  const [search, setSearch] = useState('');
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [loading, setLoading] = useState(false);
  const [failure, setFailure] = useState<CombinedError | undefined>();
  const latest = useRef('');

  useEffect(() => {
    const timer = setTimeout(() => setSearch(input.trim()), PICKER_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [input]);

  const load = useCallback(
    async (term: string, after: string | null) => {
      latest.current = term;
      setLoading(true);
      const r = await client.query(ClientPickerPage, { search: term || null, first: PICKER_PAGE_SIZE, after }, { requestPolicy: 'network-only' }).toPromise();
      if (latest.current !== term) return; // an answer for an older search
      setLoading(false);
      setFailure(r.error);
      const page = r.data?.myClientsPage;
      if (!page) return;
      const options = page.edges.map(({ node }) => ({ id: node.id, businessName: node.businessName, linkPermissions: node.firmLink?.permissions ?? [] }));
      setLoaded((prev) => ({
        search: term,
        options: after && prev?.search === term ? [...prev.options, ...options] : options,
        next: page.pageInfo.hasNextPage ? (page.pageInfo.endCursor ?? null) : null,
        total: page.totalCount,
      }));
    },
    [client],
  );

  useEffect(() => {
    if (open) void load(search, null);
  }, [open, search, load]);

  const onListScroll = (e: UIEvent<HTMLElement>) => {
    const list = e.currentTarget;
    if (loaded?.next && !loading && list.scrollTop + list.clientHeight >= list.scrollHeight - 40) void load(loaded.search, loaded.next);
  };

  const options = (loaded?.options ?? []).filter((c) => !exclude?.(c.id));
  const shown = loaded?.options.length ?? 0;
  const more = loaded && loaded.total > shown ? `${shown} of ${loaded.total} shown: type to narrow, or scroll for more.` : undefined;
  const apiError = failure ? formErrors(failure).general.join(' ') : undefined;
  const common = {
    id,
    open,
    onOpen: () => setOpen(true),
    onClose: () => setOpen(false),
    options,
    loading,
    size,
    sx,
    filterOptions: (o: PickedClient[]) => o, // the API searches
    getOptionLabel: (c: PickedClient) => c.businessName,
    isOptionEqualToValue: (a: PickedClient, b: PickedClient) => a.id === b.id,
    inputValue: input,
    onInputChange: (_: unknown, value: string, reason: string) => setInput(reason === 'reset' && choice.multiple ? '' : value),
    noOptionsText: search ? `No client matches “${search}”.` : 'No clients.',
    loadingText: 'Looking for clients…',
    slotProps: { listbox: { onScroll: onListScroll } },
    renderInput: (params: object) => <TextField {...params} label={label} error={error || Boolean(apiError)} helperText={apiError ?? (open ? more : undefined) ?? helperText} />,
  };
  return choice.multiple ? (
    <Autocomplete multiple {...common} value={choice.value} onChange={(_, v) => choice.onChange(v)} />
  ) : (
    <Autocomplete {...common} value={choice.value} onChange={(_, v) => choice.onChange(v)} />
  );
}

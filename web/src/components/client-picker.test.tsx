import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Provider } from 'urql';
import { clientAnswering, type Answer } from '../test-support/graphql-client';
import { ClientPicker, PICKER_PAGE_SIZE, type PickedClient } from './client-picker';

const NAMES = Array.from({ length: 45 }, (_, i) => `Client ${String(i + 1).padStart(2, '0')}`).concat(['Harbor Coffee']);

/** The API's myClientsPage over 46 clients: search in the name, pages of `first` after a cursor (the index). */
const pages: Answer = (v) => {
  const matching = NAMES.filter((n) => !v.search || n.toLowerCase().includes(String(v.search).toLowerCase()));
  const start = v.after ? Number(v.after) : 0;
  const slice = matching.slice(start, start + Number(v.first));
  return {
    data: {
      myClientsPage: {
        totalCount: matching.length,
        pageInfo: { hasNextPage: start + slice.length < matching.length, endCursor: String(start + slice.length) },
        edges: slice.map((n) => ({ node: { id: n, businessName: n, fein: '12-3456789', firmLink: { permissions: ['VIEW_COMPANY'] } } })),
      },
    },
  };
};

function Picker({ exclude }: { exclude?: (id: string) => boolean }) {
  const [value, setValue] = useState<PickedClient[]>([]);
  return (
    <>
      <ClientPicker multiple id="clients" label="Clients" value={value} onChange={setValue} exclude={exclude} />
      <output aria-label="Picked">{value.map((c) => c.businessName).join(', ')}</output>
    </>
  );
}

function renderPicker(exclude?: (id: string) => boolean) {
  const answering = clientAnswering({ ClientPickerPage: pages });
  render(
    <Provider value={answering.client}>
      <Picker exclude={exclude} />
    </Provider>,
  );
  return { ...answering, asked: () => answering.queries.filter((q) => q.name === 'ClientPickerPage').map((q) => q.variables) };
}

describe('C7 client pickers ask the API page by page', () => {
  it('C7: opening asks for the first page only, says how many there are, and scrolling to the end asks for the next', async () => {
    const { asked } = renderPicker();
    const user = userEvent.setup({ delay: null });
    await user.click(screen.getByRole('combobox', { name: 'Clients' }));
    await screen.findByRole('option', { name: 'Client 01' });
    expect(screen.getAllByRole('option')).toHaveLength(PICKER_PAGE_SIZE);
    expect(asked()).toEqual([{ search: null, first: PICKER_PAGE_SIZE, after: null }]);
    await screen.findByText(`${PICKER_PAGE_SIZE} of 46 shown: type to narrow, or scroll for more.`);
    const list = screen.getByRole('listbox');
    Object.defineProperty(list, 'scrollHeight', { value: 1000, configurable: true });
    Object.defineProperty(list, 'clientHeight', { value: 300, configurable: true });
    list.scrollTop = 700;
    fireEvent.scroll(list);
    await screen.findByRole('option', { name: 'Client 21' });
    expect(screen.getAllByRole('option')).toHaveLength(2 * PICKER_PAGE_SIZE);
    expect(asked().at(-1)).toEqual({ search: null, first: PICKER_PAGE_SIZE, after: String(PICKER_PAGE_SIZE) });
  });

  it('C7: typing searches at the API (not in the loaded page) and a pick is kept; excluded clients are not offered', async () => {
    const { asked } = renderPicker((id) => id === 'Client 02');
    const user = userEvent.setup({ delay: null });
    await user.click(screen.getByRole('combobox', { name: 'Clients' }));
    await screen.findByRole('option', { name: 'Client 01' });
    expect(screen.queryByRole('option', { name: 'Client 02' })).toBeNull();
    await user.type(screen.getByRole('combobox', { name: 'Clients' }), 'harb');
    // Harbor Coffee is the 46th client: not on the first page, found by the API's search.
    await user.click(await screen.findByRole('option', { name: 'Harbor Coffee' }));
    await waitFor(() => expect(screen.getByRole('status', { name: 'Picked' }).textContent).toBe('Harbor Coffee'));
    expect(asked()).toContainEqual({ search: 'harb', first: PICKER_PAGE_SIZE, after: null });
  });
});

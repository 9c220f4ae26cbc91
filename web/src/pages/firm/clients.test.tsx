import { describe, expect, it } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { Provider } from 'urql';
import { clientAnswering, type Answer } from '../../test-support/graphql-client';
import { SignedInAs, member } from '../../test-support/signed-in';
import { CLIENT_PAGE_SIZE, ClientsPage } from './clients';

const node = (i: number, status = 'ACTIVE') => ({
  id: `c${i}`,
  businessName: `Client ${String(i).padStart(3, '0')}`,
  fein: '12-3456789',
  status,
  myPermissions: ['VIEW_COMPANY'],
  firmLink: { linkedAt: '2026-11-01T10:00:00Z' },
  assignments: [],
  onboarding: [],
});

/** 60 active clients in pages of 25 (cursor = the last id), 2 enrolling, 1 request. */
const page: Answer = (v) => {
  if (v.status === 'ENROLLING') return { data: { myClientsPage: { totalCount: 2, pageInfo: { hasNextPage: false, endCursor: 'e2' }, edges: [1, 2].map((i) => ({ node: node(100 + i, 'ENROLLING') })) } } };
  const start = v.after ? Number(String(v.after).slice(1)) : 0;
  const ids = Array.from({ length: Math.min(CLIENT_PAGE_SIZE, 60 - start) }, (_, i) => start + i + 1);
  return { data: { myClientsPage: { totalCount: 60, pageInfo: { hasNextPage: ids[ids.length - 1] < 60, endCursor: `c${ids[ids.length - 1]}` }, edges: ids.map((i) => ({ node: node(i) })) } } };
};
const tabs: Answer = {
  data: {
    active: { totalCount: 60 },
    enrolling: { totalCount: 2 },
    firmRequests: [{ id: 'r1', businessName: 'Request Roasters', status: 'PENDING', permissions: ['VIEW_COMPANY'], sentAt: '2026-11-01T10:00:00Z', expiresAt: '2026-11-08T10:00:00Z', requestedBy: null }],
  },
};

function renderList(path = '/clients/payroll', me = member('MEMBER', ['MANAGE_CLIENTS'])) {
  const answering = clientAnswering({ ClientPage: page, ClientTabs: tabs, GroupOptions: { data: { clientGroups: [{ id: 'g1', name: 'Paid on the 20th' }] } } });
  render(
    <Provider value={answering.client}>
      <SignedInAs me={me}>
        <MemoryRouter initialEntries={[path]}>
          <Routes>
            <Route path="/clients/:platform" element={<ClientsPage />} />
          </Routes>
        </MemoryRouter>
      </SignedInAs>
    </Provider>,
  );
  return answering;
}

describe('C7 client lists in pages', () => {
  it('C7: the tabs count every client (totalCount), the list loads one page at a time and walks the cursors', async () => {
    const { queries } = renderList();
    await screen.findByRole('tab', { name: 'Active (60)' });
    expect(screen.getByRole('tab', { name: 'Enrolling (2)' })).toBeTruthy();
    expect(screen.getByRole('tab', { name: 'Requested (1)' })).toBeTruthy();
    const grid = screen.getByRole('grid', { name: 'Active clients' });
    await within(grid).findByText('Client 001');
    const pager = screen.getByRole('navigation', { name: 'Pages of active clients' });
    expect(within(pager).getByRole('status').textContent).toBe('Clients 1–25 of 60');
    const user = userEvent.setup({ delay: null });
    await user.click(within(pager).getByRole('button', { name: 'Next page' }));
    await user.click(within(pager).getByRole('button', { name: 'Next page' }));
    await within(grid).findByText('Client 060');
    expect(within(pager).getByRole('status').textContent).toBe('Clients 51–60 of 60');
    expect((within(pager).getByRole('button', { name: 'Next page' }) as HTMLButtonElement).disabled).toBe(true);
    expect(queries.filter((q) => q.name === 'ClientPage').map((q) => (q.variables as { after: string | null }).after)).toEqual([null, 'c25', 'c50']);
    await user.click(within(pager).getByRole('button', { name: 'Previous page' }));
    await within(grid).findByText('Client 026');
  });

  it('C7, C10: another tab or a group starts again at the first page, with the filter sent', async () => {
    const { queries } = renderList();
    const user = userEvent.setup({ delay: null });
    const pager = await screen.findByRole('navigation', { name: 'Pages of active clients' });
    await user.click(within(pager).getByRole('button', { name: 'Next page' }));
    await within(screen.getByRole('grid', { name: 'Active clients' })).findByText('Client 026');
    await user.click(screen.getByRole('combobox', { name: 'Group' }));
    await user.click(await screen.findByRole('option', { name: 'Paid on the 20th' }));
    await waitFor(() => expect(queries.filter((q) => q.name === 'ClientPage').at(-1)?.variables).toEqual({ platform: 'PAYROLL', status: 'ACTIVE', groupId: 'g1', first: CLIENT_PAGE_SIZE, after: null }));
    await user.click(screen.getByRole('tab', { name: 'Enrolling (2)' }));
    await within(await screen.findByRole('grid', { name: 'Enrolling clients' })).findByText('Client 101');
    expect(screen.queryByRole('navigation', { name: 'Pages of enrolling clients' })).toBeNull(); // one page: no pager
  });
});

describe('G3, F6 the client list offers only what the caller may do', () => {
  it('G3: an ANALYST reads the list but is not offered Add new client', async () => {
    renderList('/clients/payroll', member('ANALYST'));
    await within(await screen.findByRole('grid', { name: 'Active clients' })).findByText('Client 001');
    expect(screen.queryByRole('link', { name: 'Add new client' })).toBeNull();
  });

  it('F6: a MEMBER without MANAGE_CLIENTS is not offered Add new client', async () => {
    renderList('/clients/payroll', member('MEMBER', ['ASSIGN_CLIENTS']));
    await within(await screen.findByRole('grid', { name: 'Active clients' })).findByText('Client 001');
    expect(screen.queryByRole('link', { name: 'Add new client' })).toBeNull();
  });

  it('F6: with MANAGE_CLIENTS the PEO list offers Refer client', async () => {
    renderList('/clients/peo', member('MEMBER', ['MANAGE_CLIENTS']));
    expect((await screen.findByRole('link', { name: 'Refer client' })).getAttribute('href')).toBe('/clients/new?path=peo');
  });
});

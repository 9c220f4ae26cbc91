import { afterEach, describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { Provider } from 'urql';
import { clientAnswering } from '../test-support/graphql-client';
import { member } from '../test-support/signed-in';
import { sessionStore } from '../api/session';
import { FirmLayout } from './layout';

function renderAs(me: ReturnType<typeof member>) {
  sessionStore.set({ realm: 'firm', accessToken: 't', expiresAt: new Date(Date.now() + 600_000).toISOString(), refreshToken: 'r', memberId: me.id, name: 'Avery' });
  const answering = clientAnswering({ Me: { data: { me, myFirm: { id: 'f1', name: 'Ledger & Co' } } } });
  render(
    <Provider value={answering.client}>
      <MemoryRouter initialEntries={['/']}>
        <Routes>
          <Route element={<FirmLayout />}>
            <Route index element={<p>Home</p>} />
          </Route>
        </Routes>
      </MemoryRouter>
    </Provider>,
  );
}

describe('G3, F6 the firm navigation', () => {
  afterEach(() => sessionStore.set(null));

  it('G3: an ANALYST reads every screen but is not offered Add new client', async () => {
    renderAs(member('ANALYST'));
    const nav = await screen.findByRole('navigation', { name: 'Main' });
    expect(within(nav).getByRole('link', { name: 'Key figures' })).toBeTruthy();
    expect(within(nav).getByRole('link', { name: 'Payroll' })).toBeTruthy();
    expect(within(nav).queryByRole('link', { name: 'Add new client' })).toBeNull();
  });

  it('F6: Add new client is in the navigation of a member with MANAGE_CLIENTS only', async () => {
    renderAs(member('MEMBER', ['MANAGE_CLIENTS']));
    expect(within(await screen.findByRole('navigation', { name: 'Main' })).getByRole('link', { name: 'Add new client' })).toBeTruthy();
  });
});

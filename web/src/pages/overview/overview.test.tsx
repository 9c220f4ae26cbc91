import { describe, expect, it } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { Provider, type Client } from 'urql';
import { clientAnswering, refusal, type Answer } from '../../test-support/graphql-client';
import { KeyFiguresPage } from './key-figures';
import { ReportsPage } from './reports';
import { TaxCardsPage } from './tax-cards';
import { SignedInAs, member } from '../../test-support/signed-in';

const groups: Answer = { data: { clientGroups: [{ id: 'g1', name: 'Paid on the 20th' }] } };

function renderAt(path: string, route: string, element: React.ReactNode, client: Client, me = member('MEMBER')) {
  return render(
    <Provider value={client}>
      <SignedInAs me={me}>
        <MemoryRouter initialEntries={[path]}>
          <Routes>
            <Route path={route} element={element} />
          </Routes>
        </MemoryRouter>
      </SignedInAs>
    </Provider>,
  );
}

const figures = {
  month: '2026-10',
  groupId: null,
  payrollClients: 3,
  employeesInService: 12,
  payslipsSent: 14,
  contractorPayments: 2,
  absencesRegistered: 4,
  shifts: 40,
  shiftsAutomated: 35,
  automationLevel: 0.875,
  filingsWithErrorsLastMonth: 1,
  totalPaidOutCents: '9007199254740993',
};

describe('P4 key figures screen', () => {
  it('P4, C10: shows the month\'s figures, exact money and the automation level; the group filter asks again for that group', async () => {
    const { client, queries } = clientAnswering({ GroupOptions: groups, KeyFigures: { data: { payrollKeyFigures: figures } } });
    renderAt('/overview?month=2026-10', '/overview', <KeyFiguresPage />, client);
    const region = await screen.findByRole('region', { name: 'Key figures for October 2026' });
    expect(within(region).getByLabelText('Payslips sent').textContent).toBe('14');
    expect(within(region).getByLabelText('Total paid out').textContent).toBe('$90,071,992,547,409.93');
    expect(within(region).getByLabelText('Automation level').textContent).toBe('88 %');
    expect(within(region).getByText('35 of 40 shifts reached a timecard with no resend and no edit.')).toBeTruthy();
    expect(within(region).getByText('Employer filings for September 2026 the tax authority rejected.')).toBeTruthy();

    const user = userEvent.setup({ delay: null });
    await user.click(screen.getByRole('combobox', { name: 'Group' }));
    await user.click(await screen.findByRole('option', { name: 'Paid on the 20th' }));
    await waitFor(() => expect(queries.filter((q) => q.name === 'KeyFigures').map((q) => q.variables)).toContainEqual({ month: '2026-10', groupId: 'g1' }));
  });

  it('P4: a month the API refuses is pointed out at the month field', async () => {
    const { client } = clientAnswering({
      GroupOptions: groups,
      KeyFigures: { error: refusal('Invalid input', { code: 'BAD_USER_INPUT', fields: [{ field: 'month', message: 'expected YYYY-MM' }] }) },
    });
    renderAt('/overview?month=2026-13', '/overview', <KeyFiguresPage />, client);
    const month = await screen.findByLabelText('Month');
    await waitFor(() => expect(month.getAttribute('aria-invalid')).toBe('true'));
    expect(document.getElementById(month.getAttribute('aria-describedby')!.split(' ')[0])?.textContent).toBe('Expected YYYY-MM');
  });
});

const usageRow = (i: number) => ({
  client: { id: `c${i}`, businessName: `Client ${String(i).padStart(2, '0')}` },
  month: '2026-10',
  payslips: i,
  contractorPayments: 0,
  absences: 0,
  shifts: 10,
  shiftsAutomated: 9,
  automationLevel: 0.9,
  totalPaidOutCents: '100000',
});

describe('P5 reports screen', () => {
  it('P5: the usage log goes page by page with the API\'s cursor, and back', async () => {
    const { client, queries } = clientAnswering({
      GroupOptions: groups,
      UsageReport: (v) =>
        v.after === 'next-1'
          ? { data: { payrollUsageReport: { rows: [usageRow(26)], nextCursor: null } } }
          : { data: { payrollUsageReport: { rows: Array.from({ length: 25 }, (_, i) => usageRow(i + 1)), nextCursor: 'next-1' } } },
    });
    renderAt('/reports?from=2026-09&to=2026-10', '/reports', <ReportsPage />, client);
    const grid = await screen.findByRole('grid', { name: 'Usage log' });
    await within(grid).findByText('Client 01');
    const pager = screen.getByRole('navigation', { name: 'Pages of usage log' });
    expect(within(pager).getByRole('status').textContent).toBe('Rows 1–25');
    const user = userEvent.setup({ delay: null });
    await user.click(within(pager).getByRole('button', { name: 'Next page' }));
    await within(grid).findByText('Client 26');
    expect(within(pager).getByRole('status').textContent).toBe('Rows 26–26');
    expect((within(pager).getByRole('button', { name: 'Next page' }) as HTMLButtonElement).disabled).toBe(true);
    expect(queries.filter((q) => q.name === 'UsageReport').at(-1)?.variables).toEqual({ fromMonth: '2026-09', toMonth: '2026-10', groupId: null, first: 25, after: 'next-1' });
    await user.click(within(pager).getByRole('button', { name: 'Previous page' }));
    await within(grid).findByText('Client 01');
  });

  it('P5: months in the wrong order are refused at the To field', async () => {
    const { client } = clientAnswering({
      GroupOptions: groups,
      UsageReport: { error: refusal('Invalid input', { code: 'BAD_USER_INPUT', fields: [{ field: 'toMonth', message: 'fromMonth must not be after toMonth' }] }) },
    });
    renderAt('/reports?from=2026-10&to=2026-09', '/reports', <ReportsPage />, client);
    const to = await screen.findByLabelText('To');
    await waitFor(() => expect(to.getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByText('FromMonth must not be after toMonth')).toBeTruthy();
  });

  it('P5, C5: my clients shows the member\'s role per client', async () => {
    const { client } = clientAnswering({
      GroupOptions: groups,
      MyPayrollClientsReport: {
        data: { myPayrollClients: { rows: [{ client: { id: 'c1', businessName: 'Harbor Coffee' }, role: 'RESPONSIBLE', timeTrackingStatus: 'CONNECTED', lastSyncStatus: 'FAILED', lastSyncedAt: null }], nextCursor: null } },
      },
    });
    renderAt('/reports?tab=my-clients', '/reports', <ReportsPage />, client);
    const row = await within(await screen.findByRole('grid', { name: 'My clients' })).findByRole('row', { name: /Harbor Coffee/ });
    expect(row.textContent).toContain('Responsible');
    expect(row.textContent).toContain('Connected');
    expect(row.textContent).toContain('Failed');
    expect(screen.queryByRole('navigation', { name: 'Pages of my clients' })).toBeNull(); // one page only
  });
});

const setup = {
  data: {
    myClients: [
      { id: 'c1', businessName: 'Harbor Coffee', taxAuthority: { fein: '27-1234567' } },
      { id: 'c2', businessName: 'Dockside Deli', taxAuthority: { fein: '27-3456789' } },
    ],
    myFirm: { id: 'f1', members: [{ id: 'm1', firstName: 'Pat', lastName: 'Partner' }] },
    taxCardFetches: [{ id: 'x1', year: 2026, status: 'RUNNING', startedAt: '2026-11-02T10:00:00Z', finishedAt: null, total: 2, fetched: 1, failed: 0, pending: 1, requestedBy: { realm: 'FIRM', id: 'm1' } }],
  },
};
const fetchClient = (id: string, name: string, status: string, reason: string | null = null) => ({
  client: { id, businessName: name },
  status,
  reason,
  cardCount: status === 'FETCHED' ? 2 : 0,
  attempts: 1,
  updatedAt: '2026-11-02T10:00:05Z',
});
const fetchState = (status: 'RUNNING' | 'FINISHED', deli: ReturnType<typeof fetchClient>) => ({
  data: {
    taxCardFetch: {
      id: 'x1',
      year: 2026,
      status,
      startedAt: '2026-11-02T10:00:00Z',
      finishedAt: status === 'FINISHED' ? '2026-11-02T10:00:06Z' : null,
      total: 2,
      pending: deli.status === 'PENDING' ? 1 : 0,
      fetched: 1 + (deli.status === 'FETCHED' ? 1 : 0),
      failed: deli.status === 'FAILED' ? 1 : 0,
      clients: [fetchClient('c1', 'Harbor Coffee', 'FETCHED'), deli],
    },
  },
});

describe('P6 tax cards screen', () => {
  it('P6: a running fetch shows its progress, is read again until it ends, each client with its reason; Retry failed sends the fetch again', async () => {
    const failed = fetchClient('c2', 'Dockside Deli', 'FAILED', 'The tax authority is unavailable (503); try again later.');
    // The fetch ends once the test has seen it running: each poll asks again, whenever it comes.
    let ended = false;
    const { client, sent, queries } = clientAnswering({
      TaxCardSetup: setup,
      TaxCardFetch: () => (ended ? fetchState('FINISHED', failed) : fetchState('RUNNING', fetchClient('c2', 'Dockside Deli', 'PENDING'))),
      RetryTaxCardFetch: { data: { retryTaxCardFetch: { id: 'x1', status: 'RUNNING', pending: 1, failed: 0 } } },
    });
    renderAt('/tax-cards', '/tax-cards', <TaxCardsPage />, client);
    const progress = await screen.findByRole('region', { name: 'Fetch progress' });
    await within(progress).findByText('Fetching: 1 of 2 clients done (1 fetched, 0 failed, 1 pending).');
    expect(within(progress).getByRole('progressbar', { name: 'Tax-card fetch progress' }).getAttribute('aria-valuenow')).toBe('50');
    expect(within(progress).queryByRole('button', { name: /Retry failed/ })).toBeNull();
    const asked = queries.filter((q) => q.name === 'TaxCardFetch').length;
    ended = true;
    // Polled: the fetch ends with Dockside Deli failed, and why.
    await within(progress).findByText('Finished: 2 clients, 1 fetched, 1 failed.', {}, { timeout: 10_000 });
    expect(queries.filter((q) => q.name === 'TaxCardFetch').length).toBeGreaterThan(asked);
    const row = within(within(progress).getByRole('grid', { name: 'Clients in this fetch' })).getByRole('row', { name: /Dockside Deli/ });
    expect(row.textContent).toContain('Failed');
    expect(row.textContent).toContain('The tax authority is unavailable (503); try again later.');
    const user = userEvent.setup({ delay: null });
    await user.click(within(progress).getByRole('button', { name: 'Retry failed (1)' }));
    expect(sent).toEqual([{ name: 'RetryTaxCardFetch', variables: { fetchId: 'x1' } }]);
  });

  it('P6: a client already in a running fetch is refused at the clients field, and nothing else is sent', async () => {
    const { client, sent } = clientAnswering({
      TaxCardSetup: { data: { ...setup.data, taxCardFetches: [] } },
      FetchTaxCards: { error: refusal('Harbor Coffee is already in a running tax-card fetch.', { code: 'TAX_CARD_FETCH_RUNNING' }) },
    });
    renderAt('/tax-cards', '/tax-cards', <TaxCardsPage />, client);
    const user = userEvent.setup({ delay: null });
    const form = await screen.findByRole('form', { name: 'Fetch tax cards' });
    await user.click(within(form).getByRole('combobox', { name: 'Clients' }));
    await user.click(await screen.findByRole('option', { name: 'Harbor Coffee' }));
    await user.keyboard('{Escape}');
    await user.click(within(form).getByRole('button', { name: 'Fetch tax cards' }));
    await within(form).findByText('Harbor Coffee is already in a running tax-card fetch.');
    expect(within(form).getByRole('combobox', { name: 'Clients' }).getAttribute('aria-invalid')).toBe('true');
    expect(sent).toEqual([{ name: 'FetchTaxCards', variables: { input: { clientIds: ['c1'], year: new Date().getFullYear() } } }]);
  });

  it('P6: every client of a member is one choice', async () => {
    const { client, sent } = clientAnswering({
      TaxCardSetup: { data: { ...setup.data, taxCardFetches: [] } },
      FetchTaxCards: { data: { fetchTaxCards: { id: 'x2', status: 'RUNNING', total: 2, pending: 2 } } },
      TaxCardFetch: fetchState('RUNNING', fetchClient('c2', 'Dockside Deli', 'PENDING')),
    });
    renderAt('/tax-cards', '/tax-cards', <TaxCardsPage />, client);
    const user = userEvent.setup({ delay: null });
    const form = await screen.findByRole('form', { name: 'Fetch tax cards' });
    await user.click(within(form).getByRole('radio', { name: 'Every client of a member' }));
    await user.click(within(form).getByRole('combobox', { name: 'Member' }));
    await user.click(await screen.findByRole('option', { name: 'Pat Partner' }));
    await user.click(within(form).getByRole('button', { name: 'Fetch tax cards' }));
    await waitFor(() => expect(sent).toEqual([{ name: 'FetchTaxCards', variables: { input: { forMemberId: 'm1', year: new Date().getFullYear() } } }]));
    await screen.findByRole('region', { name: 'Fetch progress' });
  });

  it('G3: an ANALYST follows the fetches and their failures but is offered neither Fetch tax cards nor Retry failed', async () => {
    const failed = fetchClient('c2', 'Dockside Deli', 'FAILED', 'The tax authority is unavailable (503); try again later.');
    const { client } = clientAnswering({ TaxCardSetup: setup, TaxCardFetch: fetchState('FINISHED', failed) });
    renderAt('/tax-cards', '/tax-cards', <TaxCardsPage />, client, member('ANALYST'));
    const progress = await screen.findByRole('region', { name: 'Fetch progress' });
    await within(progress).findByText('Finished: 2 clients, 1 fetched, 1 failed.');
    expect(within(progress).queryByRole('button', { name: /Retry failed/ })).toBeNull();
    expect(screen.queryByRole('form', { name: 'Fetch tax cards' })).toBeNull();
  });
});

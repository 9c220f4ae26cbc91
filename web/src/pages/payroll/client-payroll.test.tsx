import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { Provider, type Client } from 'urql';
import { clientAnswering, refusal, type Answer } from '../../test-support/graphql-client';
import { SignedInAs, member } from '../../test-support/signed-in';
import { ClientPayrollPage, EditTimecardDialog, filingNote } from './client-payroll';

const period = { id: 'p1', startDate: '2026-03-02', endDate: '2026-03-08', deadline: '2026-03-09', deadlineMovedFor: null, paid: false, draftCount: 2, approvedCount: 0 };
const card = {
  id: 't1',
  periodId: 'p1',
  status: 'SAVED_DRAFT' as const,
  edited: false,
  approvedAt: null,
  shiftMinutes: 450,
  adjustmentMinutes: 0,
  ptoMinutes: 0,
  holidayMinutes: 0,
  totalMinutes: 450,
  member: { id: 'm1', firstName: 'Ann', lastName: 'Lee', kind: 'W2' as const, payRateCents: 2400 },
  entries: [{ date: '2026-03-02', kind: 'SHIFT' as const, minutes: 450, shiftId: 's1', adjustment: false }],
};

function summary(myPermissions: string[]) {
  return {
    data: {
      myClients: [
        {
          id: 'c1',
          businessName: 'Harbor Coffee',
          myPermissions,
          timeTracking: {
            status: 'CONNECTED',
            lastSyncedAt: null,
            providerCompanyId: 'hc',
            timeZone: 'America/New_York',
            payFrequency: 'WEEKLY',
            connectedAt: null,
            lastSyncStatus: 'SUCCEEDED',
            lastSyncError: null,
            nextSyncAt: null,
            syncRunning: false,
            retryAttempts: 0,
          },
          payPeriods: [period],
          hoursSyncWeeks: [],
        },
      ],
    },
  };
}

function renderPayroll(client: Client, me = member('MEMBER')) {
  render(
    <Provider value={client}>
      <SignedInAs me={me}>
        <MemoryRouter initialEntries={['/clients/view/c1/payroll?tab=timecards&period=p1']}>
          <Routes>
            <Route path="/clients/view/:clientId/payroll" element={<ClientPayrollPage realm="firm" />} />
          </Routes>
        </MemoryRouter>
      </SignedInAs>
    </Provider>,
  );
}

describe('a client\'s payroll screen (SPEC P "who may act")', () => {
  it('P2, P7: a member with View payroll only sees the period and its deadline, without Approve All or Run payroll', async () => {
    renderPayroll(clientAnswering({ FirmClientPayroll: summary(['VIEW_COMPANY', 'VIEW_PAYROLL']), FirmTimecards: { data: { myClients: [{ id: 'c1', timecards: [card] }] } } }).client);
    await screen.findByRole('heading', { name: 'Timecards · Mar 2 – Mar 8, 2026' });
    expect(screen.getByText('Approve by Mar 9, 2026')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /^Approve All/ })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Run payroll' })).toBeNull();
  });

  it('P2, P7: Approve timecards and Run payroll show their actions; Approve All counts the drafts', async () => {
    const { client, sent } = clientAnswering({
      FirmClientPayroll: summary(['VIEW_PAYROLL', 'APPROVE_TIMECARDS', 'RUN_PAYROLL']),
      FirmTimecards: { data: { myClients: [{ id: 'c1', timecards: [card, { ...card, id: 't2', member: { ...card.member, id: 'm2', firstName: 'Max' } }] }] } },
      ApproveAllTimecards: { error: refusal('You are not allowed to do this.', { code: 'FORBIDDEN' }) },
    });
    renderPayroll(client);
    const approveAll = await screen.findByRole('button', { name: 'Approve All (2)' });
    expect(screen.getByRole('button', { name: 'Run payroll' })).toBeTruthy();
    await userEvent.setup({ delay: null }).click(approveAll);
    expect(sent).toEqual([{ name: 'ApproveAllTimecards', variables: { clientId: 'c1', periodId: 'p1' } }]);
    // The API's refusal is shown beside the button that caused it.
    expect((await screen.findByRole('alert')).textContent).toBe('You are not allowed to do this.');
  });

  it('G3, C3: an ANALYST reads the period but is offered neither Approve All nor Run payroll, even if the client permissions would allow them', async () => {
    renderPayroll(
      clientAnswering({ FirmClientPayroll: summary(['VIEW_PAYROLL', 'APPROVE_TIMECARDS', 'RUN_PAYROLL']), FirmTimecards: { data: { myClients: [{ id: 'c1', timecards: [card] }] } } }).client,
      member('ANALYST'),
    );
    await screen.findByRole('heading', { name: 'Timecards · Mar 2 – Mar 8, 2026' });
    expect(screen.getByText('Approve by Mar 9, 2026')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /^Approve All/ })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Run payroll' })).toBeNull();
    expect(screen.queryByRole('button', { name: /^Edit .*timecard/ })).toBeNull();
  });

  it('P1: without View payroll the screen says which permission is missing', async () => {
    renderPayroll(clientAnswering({ FirmClientPayroll: summary(['VIEW_COMPANY']) }).client);
    expect((await screen.findByText(/You do not have the View payroll permission on this client/)).textContent).toMatch(/can grant it/);
    expect(screen.queryByRole('tab', { name: 'Timecards' })).toBeNull();
  });
});

describe('editing a timecard (SPEC P2)', () => {
  function renderDialog(answers: Record<string, Answer>) {
    const { client, sent } = clientAnswering(answers);
    const closed: boolean[] = [];
    render(
      <Provider value={client}>
        <EditTimecardDialog card={card} period={period} onClose={(done) => closed.push(done)} />
      </Provider>,
    );
    return { sent, closed, dialog: screen.getByRole('dialog', { name: "Ann Lee's timecard, Mar 2 – Mar 8, 2026" }) };
  }

  it('P2: HOURS_OVER_24_PER_DAY is shown under that day\'s field, in the API\'s words, and nothing closes', async () => {
    const message = 'More than 24 hours on 2026-03-02: shifts, PTO and holiday hours together cannot exceed a day.';
    const { sent, closed, dialog } = renderDialog({ UpdateTimecard: { error: refusal(message, { code: 'HOURS_OVER_24_PER_DAY', date: '2026-03-02' }) } });
    const user = userEvent.setup({ delay: null });
    const monday = within(dialog).getByLabelText('Holiday hours on Mon, Mar 2');
    await user.type(monday, '20');
    await user.click(within(dialog).getByRole('button', { name: 'Save draft' }));
    expect(sent).toEqual([{ name: 'UpdateTimecard', variables: { timecardId: 't1', input: { holidayHours: [{ date: '2026-03-02', minutes: 1200 }] } } }]);
    await within(dialog).findByText(message);
    expect(monday.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(monday.getAttribute('aria-describedby')!)?.textContent).toBe(message);
    expect(within(dialog).queryByRole('alert')).toBeNull(); // not repeated beside the button
    expect(closed).toEqual([]);
  });

  it('P2: hours that are not a number are pointed out before anything is sent', async () => {
    const { sent, dialog } = renderDialog({});
    const user = userEvent.setup({ delay: null });
    const tuesday = within(dialog).getByLabelText('Holiday hours on Tue, Mar 3');
    await user.type(tuesday, 'eight');
    await user.click(within(dialog).getByRole('button', { name: 'Save draft' }));
    await within(dialog).findByText('Enter hours as a number, e.g. 8 or 7.5.');
    expect(sent).toEqual([]);
  });

  it('P2: Save and approve saves the holiday hours, approves, and closes', async () => {
    const { sent, closed, dialog } = renderDialog({ UpdateTimecard: { data: { updateTimecard: { ...card, holidayMinutes: 480 } } }, ApproveTimecard: { data: { approveTimecard: { ...card, status: 'APPROVED' } } } });
    const user = userEvent.setup({ delay: null });
    await user.type(within(dialog).getByLabelText('Holiday hours on Fri, Mar 6'), '8');
    await user.click(within(dialog).getByRole('button', { name: 'Save and approve' }));
    await expect.poll(() => closed).toEqual([true]);
    expect(sent.map((s) => s.name)).toEqual(['UpdateTimecard', 'ApproveTimecard']);
    expect(sent[0].variables).toEqual({ timecardId: 't1', input: { holidayHours: [{ date: '2026-03-06', minutes: 480 }] } });
  });
});

describe('P7 a filing in words', () => {
  it("shows the authority's errors, or why it waits and when it is tried again; nothing once accepted", () => {
    expect(filingNote({ status: 'REJECTED', errors: [{ code: 'NO_TAX_CARD', message: 'Noor has no tax card' }], lastAttemptError: null, nextAttemptAt: null })).toBe('Noor has no tax card (NO_TAX_CARD)');
    expect(filingNote({ status: 'NOT_SUBMITTED', errors: [], lastAttemptError: 'The tax authority could not be reached.', nextAttemptAt: null })).toBe('The tax authority could not be reached.');
    expect(filingNote({ status: 'NOT_SUBMITTED', errors: [], lastAttemptError: 'Not connected.', nextAttemptAt: '2026-11-23T15:00:00Z' })).toMatch(/^Not connected\. Tried again .+\.$/);
    expect(filingNote({ status: 'ACCEPTED', errors: [], lastAttemptError: null, nextAttemptAt: null })).toBe('');
  });
});

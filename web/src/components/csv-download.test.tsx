import { describe, expect, it } from 'vitest';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Provider } from 'urql';
import { clientAnswering } from '../test-support/graphql-client';
import { sessionStore } from '../api/session';
import { CsvDownloadButton, reportUrl } from './csv-download';

const session = { realm: 'firm' as const, accessToken: 'old-token', expiresAt: new Date(Date.now() + 600_000).toISOString(), refreshToken: 'r', memberId: 'm1', name: 'Pat' };

function gateway(answers: Response[]) {
  const asked: Array<{ url: string; authorization?: string }> = [];
  const fetchFn = (async (url: string, init?: RequestInit) => {
    asked.push({ url, authorization: (init?.headers as Record<string, string> | undefined)?.Authorization });
    return answers.shift()!;
  }) as unknown as typeof fetch;
  return { asked, fetchFn };
}
const refusal = (status: number, message: string, code: string) => new Response(JSON.stringify({ errors: [{ message, extensions: { code } }] }), { status, headers: { 'content-type': 'application/json' } });

describe('P5 CSV download', () => {
  it('P5: the report, its filters and the bearer token go to the gateway; empty filters are left out', () => {
    expect(reportUrl('payroll-usage', { fromMonth: '2026-09', toMonth: '2026-10', groupId: '' })).toBe('/reports/payroll-usage.csv?fromMonth=2026-09&toMonth=2026-10');
    expect(reportUrl('my-payroll-clients', { groupId: null })).toBe('/reports/my-payroll-clients.csv');
  });

  it('P5: a token the gateway no longer takes is renewed through the GraphQL client, then the CSV is asked again', async () => {
    sessionStore.set(session);
    const { client, queries } = clientAnswering({
      Me: () => {
        sessionStore.set({ ...session, accessToken: 'new-token' }); // what the auth exchange's refresh does
        return { data: { me: null, myFirm: null } };
      },
    });
    const { asked, fetchFn } = gateway([
      refusal(401, 'Sign in again.', 'UNAUTHENTICATED'),
      new Response('\uFEFFClient,Month\r\nHarbor Coffee,2026-10\r\n', { status: 200, headers: { 'content-disposition': 'attachment; filename="payroll-usage.csv"' } }),
    ]);
    render(<Provider value={client}><CsvDownloadButton report="payroll-usage" params={{ fromMonth: '2026-10', toMonth: '2026-10' }} fetchFn={fetchFn} /></Provider>);
    await userEvent.setup({ delay: null }).click(screen.getByRole('button', { name: 'Download CSV' }));
    await waitFor(() => expect(asked).toHaveLength(2));
    expect(asked).toEqual([
      { url: '/reports/payroll-usage.csv?fromMonth=2026-10&toMonth=2026-10', authorization: 'Bearer old-token' },
      { url: '/reports/payroll-usage.csv?fromMonth=2026-10&toMonth=2026-10', authorization: 'Bearer new-token' },
    ]);
    expect(queries.map((q) => q.name)).toEqual(['Me']);
    await screen.findByRole('button', { name: 'Download CSV' }); // done, nothing refused
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('P5: a refusal is shown beside the button in the gateway\'s words', async () => {
    sessionStore.set(session);
    const { client } = clientAnswering({});
    const { fetchFn } = gateway([refusal(403, 'Client admins have no partner reports.', 'FORBIDDEN')]);
    render(<Provider value={client}><CsvDownloadButton report="payroll-usage" params={{ fromMonth: '2026-10', toMonth: '2026-10' }} fetchFn={fetchFn} /></Provider>);
    await userEvent.setup({ delay: null }).click(screen.getByRole('button', { name: 'Download CSV' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Client admins have no partner reports.');
    expect(screen.getByRole('button', { name: 'Download CSV' }).getAttribute('aria-describedby')).toBe('payroll-usage-csv-error');
  });
});

import { describe, expect, it } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Provider } from 'urql';
import { clientAnswering, refusal } from '../../test-support/graphql-client';
import { ServiceAccountsSection } from './service-accounts';
import { EditMemberDialog } from './member-dialogs';

const account = { id: 'sa1', name: 'exporter', scopes: ['READ'], createdAt: '2026-11-01T10:00:00Z', lastUsedAt: null, revokedAt: null, createdBy: { id: 'm1', firstName: 'Fran', lastName: 'Founder' } };
const SECRET = 'adsa_0123456789abcdefghijklmnopqrstuvwxyzABCDEFG';

describe('G6 service accounts in Firm Info', () => {
  it('G6: creates one with its scopes; the secret is shown once with a warning and copied with a button', async () => {
    const { client, sent } = clientAnswering({
      ServiceAccounts: { data: { serviceAccounts: [account] } },
      CreateServiceAccount: { data: { createServiceAccount: { secret: SECRET, serviceAccount: { id: 'sa2', name: 'event feed', scopes: ['READ', 'EVENTS_READ'] } } } },
    });
    render(<Provider value={client}><ServiceAccountsSection /></Provider>);
    const grid = await screen.findByRole('grid', { name: 'Service accounts' });
    expect(within(grid).getByRole('row', { name: /exporter/ }).textContent).toContain('Read data (queries)');

    const user = userEvent.setup({ delay: null });
    await user.click(screen.getByRole('button', { name: 'Create service account' }));
    const dialog = screen.getByRole('dialog', { name: 'Create service account' });
    await user.type(within(dialog).getByLabelText(/^Name/), 'event feed');
    await user.click(within(dialog).getByLabelText('Receive events (subscriptions)'));
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));
    expect(sent).toEqual([{ name: 'CreateServiceAccount', variables: { input: { name: 'event feed', scopes: ['READ', 'EVENTS_READ'] } } }]);

    const secret = await screen.findByRole('dialog', { name: 'The secret of event feed' });
    expect(within(secret).getByText(/shown only this once/)).toBeTruthy();
    expect((within(secret).getByLabelText('Secret') as HTMLInputElement).value).toBe(SECRET);
    await user.click(within(secret).getByRole('button', { name: 'Copy secret' }));
    await within(secret).findByText('Copied to the clipboard.');
    expect(await navigator.clipboard.readText()).toBe(SECRET); // user-event's clipboard stands in for the browser's
    await user.click(within(secret).getByRole('button', { name: 'I have stored it' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'The secret of event feed' })).toBeNull());
    expect(document.body.textContent).not.toContain(SECRET); // once closed, never shown again
  });

  it('G6: the limit is refused in the dialog, in the API\'s words, and no secret is shown', async () => {
    const { client } = clientAnswering({
      ServiceAccounts: { data: { serviceAccounts: [] } },
      CreateServiceAccount: { error: refusal('Your firm has 25 service accounts that are not revoked; revoke one first.', { code: 'SERVICE_ACCOUNT_LIMIT_REACHED' }) },
    });
    render(<Provider value={client}><ServiceAccountsSection /></Provider>);
    await screen.findByText(/No service accounts/);
    const user = userEvent.setup({ delay: null });
    await user.click(screen.getByRole('button', { name: 'Create service account' }));
    const dialog = screen.getByRole('dialog', { name: 'Create service account' });
    await user.type(within(dialog).getByLabelText(/^Name/), 'one too many');
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));
    expect((await within(dialog).findByRole('alert')).textContent).toBe('Your firm has 25 service accounts that are not revoked; revoke one first.');
    expect(screen.queryByRole('dialog', { name: /The secret/ })).toBeNull();
  });

  it('G6: revoking asks first and sends the account', async () => {
    const { client, sent } = clientAnswering({
      ServiceAccounts: { data: { serviceAccounts: [account] } },
      RevokeServiceAccount: { data: { revokeServiceAccount: { id: 'sa1', revokedAt: '2026-11-02T10:00:00Z' } } },
    });
    render(<Provider value={client}><ServiceAccountsSection /></Provider>);
    const user = userEvent.setup({ delay: null });
    await user.click(await screen.findByRole('button', { name: 'Revoke exporter' }));
    const confirm = screen.getByRole('dialog', { name: 'Revoke the service account exporter?' });
    await user.click(within(confirm).getByRole('button', { name: 'Revoke' }));
    expect(sent).toEqual([{ name: 'RevokeServiceAccount', variables: { id: 'sa1' } }]);
  });
});

describe('G3 analysts', () => {
  const member = { id: 'm2', firstName: 'Morgan', lastName: 'Member', jobRole: 'Bookkeeper', firmRole: 'MEMBER' as const, permissions: ['ASSIGN_CLIENTS' as const] };

  it('G3: an admin makes a member an analyst: no firm permissions are chosen or sent', async () => {
    const { client, sent } = clientAnswering({ UpdateMember: { data: { updateMember: { id: 'm2', jobRole: 'Bookkeeper', firmRole: 'ANALYST', permissions: ['VIEW_ALL_CLIENTS'] } } } });
    render(<Provider value={client}><EditMemberDialog member={member} isAdmin onClose={() => undefined} /></Provider>);
    const user = userEvent.setup({ delay: null });
    await user.click(screen.getByRole('combobox', { name: 'Firm role' }));
    await user.click(screen.getByRole('option', { name: 'Analyst (read-only)' }));
    expect(screen.queryByRole('group', { name: 'Firm permissions' })).toBeNull();
    expect(screen.getByText(/Reads every client, the key figures and the reports; changes nothing/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(sent).toEqual([{ name: 'UpdateMember', variables: { input: { memberId: 'm2', jobRole: 'Bookkeeper', firmRole: 'ANALYST' } } }]);
  });

  it('G3: a member who is not an admin cannot pick Analyst', async () => {
    const { client } = clientAnswering({});
    render(<Provider value={client}><EditMemberDialog member={member} isAdmin={false} onClose={() => undefined} /></Provider>);
    const user = userEvent.setup({ delay: null });
    await user.click(screen.getByRole('combobox', { name: 'Firm role' }));
    expect(screen.getByRole('option', { name: 'Analyst (read-only)' }).getAttribute('aria-disabled')).toBe('true');
  });
});

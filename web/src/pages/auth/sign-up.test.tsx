import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { Provider, CombinedError, type Client } from 'urql';
import { fromValue, never } from 'wonka';
import { GraphQLError } from 'graphql';
import { sessionStore } from '../../api/session';
import { SignUpPage, invitationTokenOf } from './sign-up';
import { ConfirmSignUpPage } from './confirm-sign-up';

const F2 = 'Your firm members must share the same email domain. This domain is not allowed.';
const F3 = "It looks like your firm is already on Advisor Dashboard. Contact your firm administrator to access your firm's account.";

/** A GraphQL client answering every mutation with one result, recording what was sent. */
function clientAnswering(result: { data?: unknown; error?: CombinedError }) {
  const sent: unknown[] = [];
  const client = {
    executeMutation: (op: { variables: unknown }) => {
      sent.push(op.variables);
      return fromValue({ ...result, operation: op, stale: false, hasNext: false });
    },
    executeQuery: () => never,
  } as unknown as Client;
  return { client, sent };
}

const errorWithCode = (message: string, code: string) => new CombinedError({ graphQLErrors: [new GraphQLError(message, { extensions: { code } })] });

async function fillAndSubmit() {
  const user = userEvent.setup({ delay: null });
  const fill = async (label: RegExp, text: string) => {
    await user.click(screen.getByLabelText(label));
    await user.paste(text);
  };
  await fill(/Firm name/, 'Ledger Two');
  await fill(/Website/, 'ledgertwo.example');
  await fill(/First name/, 'Kim');
  await fill(/Last name/, 'Park');
  await fill(/Work email/, 'kim@gmail.com');
  await fill(/^Role/, 'Controller');
  await fill(/Work phone/, '+1 212 555 0100');
  await fill(/Cell phone/, '+1 917 555 0101');
  await fill(/Personal email/, 'kim@home.example');
  await fill(/Username/, 'kim.park');
  await fill(/^Password/, 'a long enough passphrase');
  await user.click(screen.getByRole('button', { name: 'Create firm account' }));
}

function renderSignUp(client: Client, path = '/signup') {
  render(
    <Provider value={client}>
      <MemoryRouter initialEntries={[path]}>
        <Routes>
          <Route path="/signup" element={<SignUpPage />} />
          <Route path="*" element={<p>landed</p>} />
        </Routes>
      </MemoryRouter>
    </Provider>,
  );
}

describe('firm sign-up screen (SPEC F1–F3)', () => {
  it('F1: sends every field the founder typed', async () => {
    const { client, sent } = clientAnswering({ error: errorWithCode(F2, 'FIRM_DOMAIN_NOT_ALLOWED') });
    renderSignUp(client);
    await fillAndSubmit();
    expect(sent[0]).toEqual({
      input: {
        firmName: 'Ledger Two',
        website: 'ledgertwo.example',
        founder: {
          firstName: 'Kim',
          lastName: 'Park',
          workEmail: 'kim@gmail.com',
          jobRole: 'Controller',
          workPhone: '+1 212 555 0100',
          cellPhone: '+1 917 555 0101',
          personalEmail: 'kim@home.example',
          username: 'kim.park',
          password: 'a long enough passphrase',
        },
      },
    });
  });

  it('F2: shows the shared-domain message under the work email the person typed', async () => {
    renderSignUp(clientAnswering({ error: errorWithCode(F2, 'FIRM_DOMAIN_NOT_ALLOWED') }).client);
    await fillAndSubmit();
    const email = screen.getByLabelText(/Work email/);
    expect(email.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(email.getAttribute('aria-describedby')!)?.textContent).toBe(F2);
  });

  it('F3: shows the one-firm-per-domain message under the work email', async () => {
    renderSignUp(clientAnswering({ error: errorWithCode(F3, 'FIRM_ALREADY_EXISTS') }).client);
    await fillAndSubmit();
    const email = screen.getByLabelText(/Work email/);
    expect(document.getElementById(email.getAttribute('aria-describedby')!)?.textContent).toBe(F3);
  });

  it('I5: a founder who came from an invitation link sends its token, is signed in and sent back to it', async () => {
    const session = { accessToken: 'a', expiresAt: new Date(Date.now() + 60_000).toISOString(), refreshToken: 'r', member: { id: 'm1', firstName: 'Kim', lastName: 'Park' } };
    const { client, sent } = clientAnswering({ data: { signUpFirm: { status: 'ACTIVE', workEmail: 'kim@ledgertwo.example', confirmBy: null, session } } });
    renderSignUp(client, '/signup?next=%2Finvitations%2Faccept%3Ftoken%3Dabc');
    await fillAndSubmit();
    expect(await screen.findByText('landed')).toBeTruthy();
    expect(sessionStore.get()).toMatchObject({ realm: 'firm', memberId: 'm1', name: 'Kim Park' });
    expect((sent[0] as { input: { invitationToken?: string } }).input.invitationToken).toBe('abc');
  });

  it('F3: otherwise the founder is asked to confirm the work email, and is not signed in', async () => {
    sessionStore.set(null);
    const until = new Date(Date.now() + 86_400_000).toISOString();
    renderSignUp(clientAnswering({ data: { signUpFirm: { status: 'CONFIRMATION_SENT', workEmail: 'kim@ledgertwo.example', confirmBy: until, session: null } } }).client);
    await fillAndSubmit();
    expect(await screen.findByText('Check your email')).toBeTruthy();
    expect(screen.getByText('kim@ledgertwo.example')).toBeTruthy();
    expect(sessionStore.get()).toBeNull();
  });

  it('I5: only an invitation link\'s token is sent, never one from another page', () => {
    expect(invitationTokenOf('/invitations/accept?token=abc')).toBe('abc');
    expect(invitationTokenOf('/join?token=abc')).toBeUndefined();
    expect(invitationTokenOf(null)).toBeUndefined();
  });
});

describe('sign-up confirmation screen (SPEC F3)', () => {
  const renderConfirm = (client: Client, path: string) =>
    render(
      <Provider value={client}>
        <MemoryRouter initialEntries={[path]}>
          <Routes>
            <Route path="/signup/confirm" element={<ConfirmSignUpPage />} />
            <Route path="*" element={<p>landed</p>} />
          </Routes>
        </MemoryRouter>
      </Provider>,
    );

  it('F3: confirming sends the link\'s token and signs the founder in', async () => {
    sessionStore.set(null);
    const session = { accessToken: 'a', expiresAt: new Date(Date.now() + 60_000).toISOString(), refreshToken: 'r', member: { id: 'm2', firstName: 'Kim', lastName: 'Park' } };
    const { client, sent } = clientAnswering({ data: { confirmFirmSignUp: session } });
    renderConfirm(client, '/signup/confirm?token=t0k');
    // Nothing happens on opening the link (mail scanners open links too).
    expect(sent).toHaveLength(0);
    await userEvent.setup({ delay: null }).click(screen.getByRole('button', { name: 'Confirm and create my firm' }));
    expect(await screen.findByText('landed')).toBeTruthy();
    expect(sent[0]).toEqual({ token: 't0k' });
    expect(sessionStore.get()).toMatchObject({ realm: 'firm', memberId: 'm2' });
  });

  it('F3: an expired link shows why, and signs nobody in', async () => {
    sessionStore.set(null);
    const expired = 'This confirmation link has expired (links work for 24 hours). Sign up again.';
    renderConfirm(clientAnswering({ error: errorWithCode(expired, 'SIGN_UP_EXPIRED') }).client, '/signup/confirm?token=old');
    await userEvent.setup({ delay: null }).click(screen.getByRole('button', { name: 'Confirm and create my firm' }));
    expect(await screen.findByText(expired)).toBeTruthy();
    expect(sessionStore.get()).toBeNull();
  });
});

import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';
import { createLogger } from '../src/logger';
import { createMailer, FileMailer, SmtpMailer } from '../src/mailer';

/** SPEC I7: mail goes out over SMTP when configured: here to a real SMTP server on loopback. */
describe('I7: mail transports', () => {
  const logger = createLogger({ name: 'mail-test', level: 'silent' });
  let server: SMTPServer;
  let port: number;
  const received: Array<{ from: string; to: string[]; body: string }> = [];

  beforeAll(async () => {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, session, callback) {
        let body = '';
        stream.on('data', (chunk: Buffer) => (body += chunk.toString()));
        stream.on('end', () => {
          received.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
            body,
          });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    port = (server.server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('I7: with SMTP_URL set, mail is delivered over SMTP', async () => {
    const mailer = createMailer({ smtpUrl: `smtp://127.0.0.1:${port}`, mailFrom: 'Advisor Dashboard <no-reply@advisor.example>', mailDir: '/nonexistent', logger });
    expect(mailer).toBeInstanceOf(SmtpMailer);
    await mailer.send({ to: 'fran@acme-cpa.example', subject: 'You are invited', text: 'Accept here: https://x/accept?token=abc', template: 'client-invites-firm' });
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({ from: 'no-reply@advisor.example', to: ['fran@acme-cpa.example'] });
    expect(received[0].body).toContain('Subject: You are invited');
    expect(received[0].body).toContain('Accept here: https://x/accept?token=abc');
  });

  it('I7: without SMTP_URL the file sink is used', () => {
    expect(createMailer({ mailFrom: 'x@y.example', mailDir: '/tmp/x', logger })).toBeInstanceOf(FileMailer);
  });

  it('I7: an unreachable SMTP server is an error the caller sees', async () => {
    const mailer = new SmtpMailer('smtp://127.0.0.1:1', 'x@y.example', logger);
    await expect(mailer.send({ to: 'a@b.example', subject: 's', text: 't', template: 't' })).rejects.toThrow();
  });
});

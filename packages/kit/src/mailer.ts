import { createTransport } from 'nodemailer';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Logger } from './logger';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  /** What kind of mail this is, for the sink's index and for tests (e.g. `client-invites-firm`). */
  template: string;
}

/** SPEC I7: notifications go out through a mail transport. */
export interface Mailer {
  send(message: MailMessage): Promise<void>;
}

/**
 * Default transport: one JSON file per message in a folder, so a developer (or a test) can
 * open what would have been sent. The body may hold a one-time link, so it is never logged.
 */
export class FileMailer implements Mailer {
  constructor(
    private readonly dir: string,
    private readonly logger: Logger,
  ) {}

  async send(message: MailMessage): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    const file = join(this.dir, `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomUUID()}.json`);
    await writeFile(file, JSON.stringify({ ...message, sentAt: new Date().toISOString() }, null, 2));
    this.logger.info({ to: message.to, template: message.template, file }, 'mail written to the file sink');
  }
}

/**
 * SPEC I7: SMTP when configured (`SMTP_URL`, e.g. `smtps://user:pass@smtp.example.com:465`).
 * Sends plain-text mail from `from`; failures reach the caller, who decides what to do.
 */
export class SmtpMailer implements Mailer {
  private readonly transport: ReturnType<typeof createTransport>;

  constructor(
    url: string,
    private readonly from: string,
    private readonly logger: Logger,
  ) {
    this.transport = createTransport(url);
  }

  async send(message: MailMessage): Promise<void> {
    const info = await this.transport.sendMail({ from: this.from, to: message.to, subject: message.subject, text: message.text });
    this.logger.info({ to: message.to, template: message.template, messageId: info.messageId }, 'mail sent over SMTP');
  }
}

/** The mail transport a service uses: SMTP when a URL is configured, else the file sink. */
export function createMailer(opts: { smtpUrl?: string; mailFrom: string; mailDir: string; logger: Logger }): Mailer {
  return opts.smtpUrl ? new SmtpMailer(opts.smtpUrl, opts.mailFrom, opts.logger) : new FileMailer(opts.mailDir, opts.logger);
}

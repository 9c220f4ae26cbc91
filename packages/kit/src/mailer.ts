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

import {
  ACCESS_TOKEN_TTL_SECONDS,
  eventEnvelopeSchemaFor,
  type EventTransport,
  type Logger,
  type Subscription,
} from '@advisor/kit';
import { clientAdminAccessChanged, clientAdminSessionEnded, memberAccessChanged, type PayloadOf } from '@advisor/schema';

export type RevocationVerdict = 'valid' | 'session-ended' | 'access-changed';

/**
 * Access tokens are verified by signature alone, so ending a session needs a list of what no
 * longer holds: sessions that ended (log-out) and, per member, the moment before which their
 * tokens are void (deactivation, role or permission change). Fed by `member.access-changed`
 * events (firm members), `client-admin.session-ended` events (client admins' log-outs) and
 * `client-admin.access-changed` events (a client admin removed, or their permissions changed, by
 * the platform); each gateway replica reads the topics from the start in a consumer group of its own,
 * named after the replica (`gateway-<replica id>`), so a restart reuses its group instead of
 * leaving one more behind; the group commits no offsets, so every start reads the whole topic.
 * Entries are dropped once every token they could refuse has expired anyway.
 */
export class RevocationList {
  private readonly endedSessions = new Map<string, number>();
  /** Per member or client admin (the token's subject): tokens issued at or before `at` are void. */
  private readonly memberNotBefore = new Map<string, { at: number; verdict: Exclude<RevocationVerdict, 'valid'> }>();
  private subscription?: Subscription;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly logger: Logger) {}

  apply(event: PayloadOf<typeof memberAccessChanged>): void {
    const at = Date.parse(event.changedAt);
    if (event.sessionId) this.endedSessions.set(event.sessionId, at);
    else this.voidBefore(event.memberId, at, event.reason === 'ROLE_OR_PERMISSIONS_CHANGED' ? 'access-changed' : 'session-ended');
    this.changed();
  }

  /** A client admin logged out: their session's tokens stop working. */
  applyClientAdminLogOut(event: PayloadOf<typeof clientAdminSessionEnded>): void {
    this.endedSessions.set(event.sessionId, Date.parse(event.endedAt));
    this.changed();
  }

  /** The platform removed a client admin or changed their permissions: every token issued before stops working. */
  applyClientAdminAccessChange(event: PayloadOf<typeof clientAdminAccessChanged>): void {
    this.voidBefore(event.clientAdminId, Date.parse(event.changedAt), event.reason === 'PERMISSIONS_CHANGED' ? 'access-changed' : 'session-ended');
    this.changed();
  }

  /** Calls `listener` after each change (the subscription server ends what no longer holds at once). */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  check(memberId: string, sessionId: string, issuedAtMs: number): RevocationVerdict {
    if (this.endedSessions.has(sessionId)) return 'session-ended';
    const notBefore = this.memberNotBefore.get(memberId);
    if (notBefore && issuedAtMs <= notBefore.at) return notBefore.verdict;
    return 'valid';
  }

  /** The replica's consumer group: stable across restarts of one replica, different between replicas. */
  static groupId(replicaId: string): string {
    return `gateway-${replicaId.replace(/[^A-Za-z0-9._-]/g, '_')}`;
  }

  async start(transport: EventTransport, replicaId: string): Promise<void> {
    const memberEnvelope = eventEnvelopeSchemaFor(memberAccessChanged);
    const clientEnvelope = eventEnvelopeSchemaFor(clientAdminSessionEnded);
    const clientAccessEnvelope = eventEnvelopeSchemaFor(clientAdminAccessChanged);
    const topics = [memberAccessChanged.topic, clientAdminSessionEnded.topic, clientAdminAccessChanged.topic];
    // The gateway may start before the services that create the topics.
    await transport.ensureTopics(topics);
    this.subscription = await transport.subscribe({
      groupId: RevocationList.groupId(replicaId),
      topics,
      readFromStart: true,
      onMessage: async (message) => {
        const value = safeJson(message.value);
        if (message.topic === clientAdminSessionEnded.topic) {
          const parsed = clientEnvelope.safeParse(value);
          if (parsed.success) this.applyClientAdminLogOut(parsed.data.payload);
          else this.logger.error({ offset: message.offset }, 'ignored an invalid client-admin.session-ended event');
          return;
        }
        if (message.topic === clientAdminAccessChanged.topic) {
          const parsed = clientAccessEnvelope.safeParse(value);
          if (parsed.success) this.applyClientAdminAccessChange(parsed.data.payload);
          else this.logger.error({ offset: message.offset }, 'ignored an invalid client-admin.access-changed event');
          return;
        }
        const parsed = memberEnvelope.safeParse(value);
        if (!parsed.success) {
          this.logger.error({ offset: message.offset }, 'ignored an invalid member.access-changed event');
          return;
        }
        this.apply(parsed.data.payload);
      },
    });
  }

  running(): boolean {
    return this.subscription?.isRunning() ?? false;
  }

  async stop(): Promise<void> {
    await this.subscription?.stop();
  }

  private voidBefore(subject: string, at: number, verdict: Exclude<RevocationVerdict, 'valid'>): void {
    const current = this.memberNotBefore.get(subject);
    if (!current || current.at < at) this.memberNotBefore.set(subject, { at, verdict });
  }

  /** Prunes, then tells the listeners (the subscription server closes what no longer holds). */
  private changed(): void {
    this.prune();
    for (const listener of this.listeners) listener();
  }

  private prune(): void {
    const horizon = Date.now() - (ACCESS_TOKEN_TTL_SECONDS + 60) * 1000;
    for (const [id, at] of this.endedSessions) if (at < horizon) this.endedSessions.delete(id);
    for (const [id, entry] of this.memberNotBefore) if (entry.at < horizon) this.memberNotBefore.delete(id);
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

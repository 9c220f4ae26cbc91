import {
  ACCESS_TOKEN_TTL_SECONDS,
  eventEnvelopeSchemaFor,
  type EventTransport,
  type Logger,
  type Subscription,
} from '@advisor/kit';
import { clientAdminSessionEnded, memberAccessChanged, type PayloadOf } from '@advisor/schema';

export type RevocationVerdict = 'valid' | 'session-ended' | 'access-changed';

/**
 * Access tokens are verified by signature alone, so ending a session needs a list of what no
 * longer holds: sessions that ended (log-out) and, per member, the moment before which their
 * tokens are void (deactivation, role or permission change). Fed by `member.access-changed`
 * events (firm members) and `client-admin.session-ended` events (client admins' log-outs); each gateway replica reads the topic from the start in a consumer group of its own,
 * named after the replica (`gateway-<replica id>`), so a restart reuses its group instead of
 * leaving one more behind; the group commits no offsets, so every start reads the whole topic.
 * Entries are dropped once every token they could refuse has expired anyway.
 */
export class RevocationList {
  private readonly endedSessions = new Map<string, number>();
  private readonly memberNotBefore = new Map<string, { at: number; reason: PayloadOf<typeof memberAccessChanged>['reason'] }>();
  private subscription?: Subscription;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly logger: Logger) {}

  apply(event: PayloadOf<typeof memberAccessChanged>): void {
    const at = Date.parse(event.changedAt);
    if (event.sessionId) {
      this.endedSessions.set(event.sessionId, at);
    } else {
      const current = this.memberNotBefore.get(event.memberId);
      if (!current || current.at < at) this.memberNotBefore.set(event.memberId, { at, reason: event.reason });
    }
    this.prune();
    for (const listener of this.listeners) listener();
  }

  /** Calls `listener` after each change (the subscription server ends what no longer holds at once). */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** A client admin logged out: their session's tokens stop working. */
  applyClientAdminLogOut(event: PayloadOf<typeof clientAdminSessionEnded>): void {
    this.endedSessions.set(event.sessionId, Date.parse(event.endedAt));
    this.prune();
  }

  check(memberId: string, sessionId: string, issuedAtMs: number): RevocationVerdict {
    if (this.endedSessions.has(sessionId)) return 'session-ended';
    const notBefore = this.memberNotBefore.get(memberId);
    if (notBefore && issuedAtMs <= notBefore.at) {
      return notBefore.reason === 'ROLE_OR_PERMISSIONS_CHANGED' ? 'access-changed' : 'session-ended';
    }
    return 'valid';
  }

  /** The replica's consumer group: stable across restarts of one replica, different between replicas. */
  static groupId(replicaId: string): string {
    return `gateway-${replicaId.replace(/[^A-Za-z0-9._-]/g, '_')}`;
  }

  async start(transport: EventTransport, replicaId: string): Promise<void> {
    const memberEnvelope = eventEnvelopeSchemaFor(memberAccessChanged);
    const clientEnvelope = eventEnvelopeSchemaFor(clientAdminSessionEnded);
    const topics = [memberAccessChanged.topic, clientAdminSessionEnded.topic];
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

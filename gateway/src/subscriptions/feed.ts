import {
  eventEnvelopeSchemaFor,
  type EventContract,
  type EventTransport,
  type Logger,
  type Subscription,
} from '@advisor/kit';
import {
  assignmentChanged,
  clientLinked,
  clientLinkPermissionsChanged,
  clientUnlinked,
  invitationAccepted,
  payrollRunCompleted,
  syncFailed,
  taxCardFetchFinished,
  timecardsSynced,
  type PayloadOf,
} from '@advisor/schema';

/** The Subscription fields (SPEC G2), one per event contract. */
export type SubscriptionField =
  | 'invitationAccepted'
  | 'clientLinked'
  | 'clientUnlinked'
  | 'assignmentChanged'
  | 'timecardsSynced'
  | 'syncFailed'
  | 'payrollRunCompleted'
  | 'taxCardFetchFinished';

/**
 * What the C6 check needs to know about an event before anything is resolved: its client, and,
 * where the event names them, its firm and the member it is about.
 */
export interface EventScope {
  clientId: string;
  firmId?: string;
  /** The member the event is about (an assignment's member, the accepting member). */
  memberId?: string;
}

export interface FeedEvent {
  field: SubscriptionField;
  scope: EventScope;
  /** The event in the shape of its GraphQL type. */
  payload: Record<string, unknown>;
}

interface FieldFeed<P> {
  contract: EventContract<string, P>;
  field: SubscriptionField;
  scope(p: P): EventScope;
  payload(p: P): Record<string, unknown>;
}

const feed = <P>(f: FieldFeed<P>): FieldFeed<unknown> => f as FieldFeed<unknown>;
const upper = (realm: 'firm' | 'client') => realm.toUpperCase();

const FEEDS: FieldFeed<unknown>[] = [
  feed({
    contract: invitationAccepted,
    field: 'invitationAccepted',
    scope: (p: PayloadOf<typeof invitationAccepted>) => ({
      clientId: p.clientId,
      firmId: p.firmId,
      memberId: p.acceptedBy.realm === 'firm' ? p.acceptedBy.id : undefined,
    }),
    payload: (p: PayloadOf<typeof invitationAccepted>) => ({ ...p, acceptedByRealm: upper(p.acceptedBy.realm), acceptedById: p.acceptedBy.id }),
  }),
  feed({
    contract: clientLinked,
    field: 'clientLinked',
    scope: (p: PayloadOf<typeof clientLinked>) => ({ clientId: p.clientId, firmId: p.firmId }),
    payload: (p: PayloadOf<typeof clientLinked>) => ({ ...p }),
  }),
  feed({
    contract: clientUnlinked,
    field: 'clientUnlinked',
    scope: (p: PayloadOf<typeof clientUnlinked>) => ({ clientId: p.clientId, firmId: p.firmId }),
    payload: (p: PayloadOf<typeof clientUnlinked>) => ({ ...p }),
  }),
  feed({
    contract: assignmentChanged,
    field: 'assignmentChanged',
    scope: (p: PayloadOf<typeof assignmentChanged>) => ({ clientId: p.clientId, firmId: p.firmId, memberId: p.memberId }),
    payload: (p: PayloadOf<typeof assignmentChanged>) => ({ ...p }),
  }),
  feed({
    contract: timecardsSynced,
    field: 'timecardsSynced',
    scope: (p: PayloadOf<typeof timecardsSynced>) => ({ clientId: p.clientId }),
    payload: (p: PayloadOf<typeof timecardsSynced>) => ({ ...p }),
  }),
  feed({
    contract: syncFailed,
    field: 'syncFailed',
    scope: (p: PayloadOf<typeof syncFailed>) => ({ clientId: p.clientId }),
    payload: (p: PayloadOf<typeof syncFailed>) => ({ ...p }),
  }),
  feed({
    contract: payrollRunCompleted,
    field: 'payrollRunCompleted',
    scope: (p: PayloadOf<typeof payrollRunCompleted>) => ({ clientId: p.clientId }),
    payload: (p: PayloadOf<typeof payrollRunCompleted>) => ({ ...p, runByRealm: upper(p.runBy.realm), runById: p.runBy.id }),
  }),
  feed({
    contract: taxCardFetchFinished,
    field: 'taxCardFetchFinished',
    // A fetch a client admin started names no firm: the clients service decides (C6).
    scope: (p: PayloadOf<typeof taxCardFetchFinished>) => ({ clientId: p.clientId, ...(p.firmId ? { firmId: p.firmId } : {}) }),
    payload: (p: PayloadOf<typeof taxCardFetchFinished>) => ({ ...p }),
  }),
];

/** Events that change who may see a client (SPEC C2, C3): cached C6 verdicts about it are dropped. */
const ACCESS_TOPICS = new Set([clientLinked.topic, clientUnlinked.topic, clientLinkPermissionsChanged.topic, assignmentChanged.topic]);

export type FeedListener = (event: FeedEvent) => void;

/**
 * Kafka → the subscriptions of this gateway replica (SPEC G2). One consumer group per replica,
 * named after it (`gateway-subscriptions-<replica id>`), so every replica sees every event and a
 * restarted replica goes on from its own offsets. Events that happened before the replica
 * started reach nobody: a subscription delivers what happens while it is open.
 */
export class EventFeed {
  private readonly listeners = new Map<SubscriptionField, Set<FeedListener>>();
  private readonly accessGenerations = new Map<string, number>();
  private subscription?: Subscription;
  private startedAtMs = Date.now();

  constructor(private readonly logger: Logger) {}

  static groupId(replicaId: string): string {
    return `gateway-subscriptions-${replicaId.replace(/[^A-Za-z0-9._-]/g, '_')}`;
  }

  async start(transport: EventTransport, replicaId: string): Promise<void> {
    this.startedAtMs = Date.now();
    const byTopic = new Map(FEEDS.map((f) => [f.contract.topic, { feed: f, envelope: eventEnvelopeSchemaFor(f.contract) }]));
    const topics = [...new Set([...byTopic.keys(), ...ACCESS_TOPICS])];
    await transport.ensureTopics(topics);
    this.subscription = await transport.subscribe({
      groupId: EventFeed.groupId(replicaId),
      topics,
      onMessage: async (message) => {
        if (ACCESS_TOPICS.has(message.topic) && message.key) this.bumpAccess(message.key);
        const entry = byTopic.get(message.topic);
        if (!entry) return;
        const parsed = entry.envelope.safeParse(safeJson(message.value));
        if (!parsed.success) {
          this.logger.error({ topic: message.topic, offset: message.offset }, 'ignored an invalid event');
          return;
        }
        if (Date.parse(parsed.data.occurredAt) < this.startedAtMs) return;
        const listeners = this.listeners.get(entry.feed.field);
        if (!listeners?.size) return;
        const event: FeedEvent = {
          field: entry.feed.field,
          scope: entry.feed.scope(parsed.data.payload),
          payload: entry.feed.payload(parsed.data.payload),
        };
        for (const listener of listeners) listener(event);
      },
    });
  }

  /** Every event of `field` from now on, until the returned function is called. */
  listen(field: SubscriptionField, listener: FeedListener): () => void {
    let set = this.listeners.get(field);
    if (!set) this.listeners.set(field, (set = new Set()));
    set.add(listener);
    return () => set.delete(listener);
  }

  /** Changes whenever a link or an assignment of the client changes (keys are client ids). */
  accessGeneration(clientId: string): number {
    return this.accessGenerations.get(clientId) ?? 0;
  }

  listenerCount(): number {
    let n = 0;
    for (const set of this.listeners.values()) n += set.size;
    return n;
  }

  running(): boolean {
    return this.subscription?.isRunning() ?? false;
  }

  async stop(): Promise<void> {
    await this.subscription?.stop();
  }

  private bumpAccess(clientId: string): void {
    this.accessGenerations.set(clientId, this.accessGeneration(clientId) + 1);
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

import { z } from 'zod';

/**
 * One event contract: the versioned topic it travels on, the payload schema both the producer
 * and every consumer validate against, and how its Kafka key (the aggregate id) is derived, so
 * that all events of one aggregate stay ordered in one partition.
 */
export interface EventContract<TName extends string = string, TPayload = unknown> {
  /** Stable event name, e.g. `invitation.accepted`. */
  readonly name: TName;
  readonly version: number;
  /** Versioned topic, e.g. `advisor.invitations.invitation-accepted.v1`. */
  readonly topic: string;
  /** Validates a payload; both the producer and every consumer call it. */
  readonly payload: { parse(data: unknown): TPayload; safeParse(data: unknown): z.ZodSafeParseResult<TPayload> };
  keyOf(payload: TPayload): string;
}

export function defineEvent<TName extends string, TSchema extends z.ZodType>(spec: {
  name: TName;
  version: number;
  producer: string;
  payload: TSchema;
  keyOf(payload: z.infer<TSchema>): string;
}): EventContract<TName, z.infer<TSchema>> {
  const topic = `advisor.${spec.producer}.${spec.name.replace(/\./g, '-')}.v${spec.version}`;
  return { name: spec.name, version: spec.version, topic, payload: spec.payload, keyOf: spec.keyOf };
}

/** What travels on the wire: an envelope around the validated payload. */
export const eventEnvelopeSchema = z.object({
  eventId: z.string().uuid(),
  name: z.string().min(1),
  version: z.number().int().positive(),
  occurredAt: z.string().datetime({ offset: true }),
  producer: z.string().min(1),
  payload: z.unknown(),
});
export type EventEnvelope<TPayload = unknown> = Omit<z.infer<typeof eventEnvelopeSchema>, 'payload'> & {
  payload: TPayload;
};

export type PayloadOf<C> = C extends EventContract<string, infer P> ? P : never;

import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

export interface Frame {
  /** Which of the connection's subscriptions it answers (the name given to `subscribe`). */
  name: string;
  data?: Record<string, any> | null;
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
}

/**
 * A graphql-ws client over a real WebSocket to the gateway's /graphql (SPEC G2), signed in with
 * `connectionParams`, recording every frame, error and the close event.
 */
export interface Subscriber {
  frames: Frame[];
  errors: Array<{ name: string; error: unknown }>;
  /** Resolves with the close event (code, reason) when the server or the client closes. */
  closed: Promise<{ code: number; reason: string }>;
  subscribe(name: string, query: string, variables?: Record<string, unknown>): void;
  framesOf(name: string): Frame[];
  dispose(): Promise<void>;
}

export const wsUrlOf = (gatewayUrl: string) => gatewayUrl.replace(/^http/, 'ws');

/** Connects (and waits for the server's acknowledgement unless the connection is refused). */
export async function connectSubscriber(gatewayUrl: string, connectionParams: Record<string, unknown> | undefined): Promise<Subscriber> {
  const frames: Frame[] = [];
  const errors: Subscriber['errors'] = [];
  let onClosed!: (event: { code: number; reason: string }) => void;
  const closed = new Promise<{ code: number; reason: string }>((resolve) => (onClosed = resolve));
  let onConnected!: () => void;
  const connected = new Promise<void>((resolve) => (onConnected = resolve));
  const client: Client = createClient({
    url: wsUrlOf(gatewayUrl),
    webSocketImpl: WebSocket,
    connectionParams,
    lazy: false,
    retryAttempts: 0,
    onNonLazyError: () => undefined,
    on: {
      connected: () => onConnected(),
      closed: (event) => {
        const e = event as { code: number; reason: string };
        onClosed({ code: e.code, reason: String(e.reason) });
        onConnected();
      },
    },
  });
  await connected;
  return {
    frames,
    errors,
    closed,
    subscribe(name, query, variables) {
      client.subscribe(
        { query, variables },
        {
          next: (value) => frames.push({ name, ...(value as Omit<Frame, 'name'>) }),
          error: (error) => errors.push({ name, error }),
          complete: () => undefined,
        },
      );
    },
    framesOf: (name) => frames.filter((f) => f.name === name),
    dispose: () => client.dispose() as Promise<void>,
  };
}

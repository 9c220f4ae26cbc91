import { STATUS_CODES } from 'node:http';
import { Agent, request, type Dispatcher } from 'undici';
import type { Fetcher, FetcherHeaders, FetcherRequestInit, FetcherResponse } from '@apollo/utils.fetcher';

/**
 * The gateway's HTTP client for subgraph calls (issue 13): undici's `request` over one pooled
 * keep-alive agent. Apollo's default client (make-fetch-happen over agent-base) builds an Error
 * object per request and spent ~17 % of the gateway's busy CPU in the profile; WHATWG `fetch`
 * (undici's too) pays for streams the gateway does not need, since it reads every subgraph answer
 * whole. `bench/gateway.cjs` measures this client, Apollo's and Hive Gateway side by side.
 *
 * Every call still carries its own deadline (SPEC G7): the caller passes an AbortSignal.
 */
export function pooledFetcher(options: { connectionsPerOrigin?: number } = {}): { fetcher: Fetcher; close: () => Promise<void> } {
  const agent = new Agent({
    connections: options.connectionsPerOrigin ?? 64,
    // Subgraphs close idle sockets after 5 s (kit's applyServerTimeouts) and say so in their
    // Keep-Alive header, which undici follows less a second's margin; 4 s when a server is silent.
    keepAliveTimeout: 4_000,
  });
  const fetcher: Fetcher = async (url: string, init: FetcherRequestInit = {}) => {
    const res = await request(url, {
      method: (init.method ?? 'GET') as Dispatcher.HttpMethod,
      headers: init.headers,
      body: init.body,
      signal: init.signal,
      dispatcher: agent,
    });
    return new BufferedResponse(url, res.statusCode, res.headers, await res.body.text());
  };
  return { fetcher, close: () => agent.close() };
}

/** A subgraph's answer, read whole: what RemoteGraphQLDataSource reads of a fetch Response. */
export class BufferedResponse implements FetcherResponse {
  readonly redirected = false;
  readonly headers: FetcherHeaders;
  bodyUsed = false;

  constructor(
    readonly url: string,
    readonly status: number,
    raw: Record<string, string | string[] | undefined> | Iterable<[string, string]>,
    private readonly body: string,
  ) {
    const headers = new Headers();
    for (const [name, value] of Symbol.iterator in raw ? raw : Object.entries(raw)) {
      if (Array.isArray(value)) for (const v of value) headers.append(name, v);
      else if (value !== undefined) headers.set(name, value);
    }
    this.headers = headers;
  }

  get ok(): boolean {
    return this.status >= 200 && this.status < 300;
  }

  get statusText(): string {
    return STATUS_CODES[this.status] ?? '';
  }

  async text(): Promise<string> {
    this.bodyUsed = true;
    return this.body;
  }

  async json(): Promise<unknown> {
    return JSON.parse(await this.text());
  }

  async arrayBuffer(): Promise<ArrayBuffer> {
    const bytes = Buffer.from(await this.text());
    return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  }

  clone(): FetcherResponse {
    return new BufferedResponse(this.url, this.status, this.headers, this.body);
  }
}

/**
 * Issue 13: identical subgraph queries in flight at the same moment (same subgraph, same document
 * and variables, same caller: the identity, secret and address headers are part of the key) go out
 * once, and every caller gets its own copy of the one answer. Hive Gateway does the same by
 * default; under load a dashboard opened by many tabs of one person, or the benchmark's identical
 * requests, cost the subgraph one call each moment instead of one per request. Only queries:
 * a mutation always goes out itself. Nothing is kept once the answer is in.
 */
export function deduplicateInflightQueries(fetcher: Fetcher): Fetcher {
  const inflight = new Map<string, Promise<{ status: number; headers: Array<[string, string]>; body: string }>>();
  return async (url: string, init: FetcherRequestInit = {}) => {
    const body = typeof init.body === 'string' ? init.body : undefined;
    if (!body || !isQueryRequest(body) || (init.method ?? 'GET') !== 'POST') return fetcher(url, init);
    const key = `${url}\n${headerLines(init.headers)}\n${body}`;
    let answer = inflight.get(key);
    if (!answer) {
      answer = (async () => {
        const res = await fetcher(url, init);
        return { status: res.status, headers: [...res.headers], body: await res.text() };
      })().finally(() => inflight.delete(key));
      inflight.set(key, answer);
    }
    const { status, headers, body: text } = await answer;
    return new BufferedResponse(url, status, headers, text);
  };
}

/** The body of a query operation (Apollo prints the gateway's operations as `query …` or `{ … }`). */
function isQueryRequest(body: string): boolean {
  const match = /^\{\s*"query"\s*:\s*"\s*([a-z{])/.exec(body);
  return match !== null && (match[1] === '{' || body.startsWith('query', match.index + match[0].length - 1));
}

function headerLines(headers: FetcherRequestInit['headers']): string {
  // Apollo's data source passes a plain record; anything iterable (a Headers object) counts too,
  // so no caller's identity header can ever be left out of the key.
  const iterable = headers as unknown as Iterable<[string, string]> | undefined;
  const entries = iterable && typeof iterable[Symbol.iterator] === 'function' ? [...iterable] : Object.entries(headers ?? {});
  return entries
    .map(([name, value]) => `${name.toLowerCase()}:${value}`)
    .sort()
    .join('\n');
}

import { ProviderError } from './provider-error';

/** Settings of an HTTP provider adapter. */
export interface HttpProviderOptions {
  /** e.g. http://127.0.0.1:4101 */
  baseUrl: string;
  /** Per request, body included; default 5 s. */
  timeoutMs?: number;
}

export const DEFAULT_PROVIDER_TIMEOUT_MS = 5_000;

export interface JsonRequest {
  method: 'GET' | 'POST' | 'PATCH';
  path: string;
  apiKey: string;
  query?: Record<string, string | number | undefined>;
  body?: unknown;
  headers?: Record<string, string>;
}

/**
 * One JSON request to an outside system with Node's fetch and a time-out covering the whole
 * exchange. A 2xx answer comes back as { status, body }; everything else becomes a ProviderError
 * (see its kinds), carrying the system's `{ error: { code, message } }` when it sent one.
 */
export async function requestJson(provider: string, options: HttpProviderOptions, request: JsonRequest): Promise<{ status: number; body: unknown }> {
  const url = new URL(options.baseUrl.replace(/\/+$/, '') + request.path);
  for (const [key, value] of Object.entries(request.query ?? {})) if (value !== undefined) url.searchParams.set(key, String(value));
  const timeoutMs = options.timeoutMs ?? DEFAULT_PROVIDER_TIMEOUT_MS;

  let status: number;
  let text: string;
  let retryAfter: string | null;
  try {
    const response = await fetch(url, {
      method: request.method,
      headers: {
        accept: 'application/json',
        authorization: `Bearer ${request.apiKey}`,
        ...(request.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...request.headers,
      },
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
      signal: AbortSignal.timeout(timeoutMs),
    });
    status = response.status;
    retryAfter = response.headers.get('retry-after');
    text = await response.text();
  } catch (err) {
    const name = (err as { name?: string }).name;
    if (name === 'TimeoutError' || name === 'AbortError') {
      throw new ProviderError(provider, 'TIMEOUT', 'TIMEOUT', `${provider} did not answer ${request.method} ${request.path} within ${timeoutMs} ms.`, { cause: err });
    }
    const code = ((err as { cause?: { code?: unknown } }).cause?.code as string | undefined) ?? 'NETWORK_ERROR';
    throw new ProviderError(provider, 'UNAVAILABLE', code, `${provider} could not be reached (${code}).`, { cause: err });
  }

  const body = parseJson(text);
  if (status >= 200 && status < 300) {
    if (body === INVALID) throw badResponse(provider, `${request.method} ${request.path} answered ${status} with a body that is not JSON.`);
    return { status, body };
  }

  const error = body !== INVALID && typeof body === 'object' && body !== null ? (body as { error?: { code?: unknown; message?: unknown } }).error : undefined;
  const code = typeof error?.code === 'string' ? error.code : `HTTP_${status}`;
  const message = typeof error?.message === 'string' ? error.message : `${provider} answered ${status} to ${request.method} ${request.path}.`;
  const extra = { status, retryAfterMs: retryAfterMs(retryAfter) };
  if (status === 401 || status === 403) throw new ProviderError(provider, 'UNAUTHORIZED', code, message, extra);
  if (status === 408 || status === 425 || status === 429 || status >= 500) throw new ProviderError(provider, 'UNAVAILABLE', code, message, extra);
  throw new ProviderError(provider, 'REFUSED', code, message, extra);
}

/** An answer we cannot read: not retried by default, since the same request gets the same answer. */
export const badResponse = (provider: string, message: string) =>
  new ProviderError(provider, 'UNAVAILABLE', 'BAD_RESPONSE', `${provider} sent an unexpected answer: ${message}`, { retryable: false });

const INVALID = Symbol('invalid JSON');

function parseJson(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return INVALID;
  }
}

function retryAfterMs(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

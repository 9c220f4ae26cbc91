import { randomUUID } from 'node:crypto';
import type { Request, RequestHandler, Response } from 'express';
import { z } from 'zod';
import { parse } from './errors';

/**
 * Fault controls: tests, the demo and the benchmarks tell the simulator to fail so every outcome
 * of the adapter happens for real, over the network. A fault matches provider (`/api`) requests
 * by method, path (substring) and scope (e.g. a company, a worker or an employer), possibly only a number of
 * `times` or with a probability `rate`, and then:
 *  - `timeout`: holds the request `delayMs` (default 30 s), then handles it normally, like a slow
 *    server whose answer comes after the client gave up (the change may still happen);
 *  - `error`: answers `status` (default 503) without handling the request;
 *  - `refuse`: answers 422 with a refusal code (default per simulator, e.g. UNKNOWN_WORKER, REFUSED).
 * This file is the same in every simulator; only the scope keys differ.
 */
export type FaultMode = 'timeout' | 'error' | 'refuse';

export interface Fault {
  id: string;
  mode: FaultMode;
  method?: string;
  path?: string;
  status?: number;
  delayMs?: number;
  code?: string;
  message?: string;
  /** How many more requests it applies to; absent: until cleared. */
  times?: number;
  rate?: number;
  scope: Record<string, string>;
  applied: number;
}

/** What a request concerns, e.g. `{ companyId, workerId }`; keys absent when unknown. */
export type RequestScope = Record<string, string | undefined>;

const baseFaultInput = z.strictObject({
  mode: z.enum(['timeout', 'error', 'refuse']),
  method: z.string().trim().toUpperCase().optional(),
  path: z.string().min(1).optional(),
  status: z.number().int().min(400).max(599).optional(),
  delayMs: z.number().int().min(0).max(600_000).optional(),
  code: z.string().regex(/^[A-Z][A-Z0-9_]*$/).optional(),
  message: z.string().max(500).optional(),
  times: z.number().int().min(1).optional(),
  rate: z.number().min(0).max(1).optional(),
});

export class FaultControls {
  private faults: Fault[] = [];
  private readonly held = new Set<{ timer: NodeJS.Timeout; release(): void }>();
  private readonly inputSchema;

  constructor(
    private readonly options: {
      scopeKeys: readonly string[];
      defaultRefusal: { code: string; message: string };
      /** Tells what a request concerns; runs before the fault is matched. */
      scopeOf(req: Request): RequestScope;
      /** Brings a fault's scope value to the form scopeOf gives (e.g. an FEIN with its dash). */
      normalizeScope?: (key: string, value: string) => string;
      /** For tests of `rate`; Math.random by default. */
      random?: () => number;
    },
  ) {
    const scopeFields = Object.fromEntries(options.scopeKeys.map((k) => [k, z.string().min(1).optional()]));
    this.inputSchema = baseFaultInput.extend(scopeFields);
  }

  add(input: unknown): Fault {
    const parsed = parse(this.inputSchema, input) as z.infer<typeof baseFaultInput> & Record<string, unknown>;
    const scope: Record<string, string> = {};
    const normalize = this.options.normalizeScope ?? ((_key: string, value: string) => value);
    for (const key of this.options.scopeKeys) if (typeof parsed[key] === 'string') scope[key] = normalize(key, parsed[key] as string);
    const fault: Fault = {
      id: randomUUID(),
      mode: parsed.mode,
      method: parsed.method,
      path: parsed.path,
      status: parsed.mode === 'error' ? (parsed.status ?? 503) : undefined,
      delayMs: parsed.mode === 'timeout' ? (parsed.delayMs ?? 30_000) : undefined,
      code: parsed.code,
      message: parsed.message,
      times: parsed.times,
      rate: parsed.rate,
      scope,
      applied: 0,
    };
    this.faults.push(fault);
    return fault;
  }

  list(): Fault[] {
    return this.faults.map((f) => ({ ...f, scope: { ...f.scope } }));
  }

  remove(id: string): boolean {
    const before = this.faults.length;
    this.faults = this.faults.filter((f) => f.id !== id);
    return this.faults.length < before;
  }

  clear(): void {
    this.faults = [];
  }

  /** Answers every request still held by a `timeout` fault (503), so the server can stop at once. */
  releaseHeld(): void {
    for (const h of [...this.held]) h.release();
  }

  /** The first fault that applies to this request, counted as applied; undefined when none does. */
  private take(req: Request): Fault | undefined {
    if (this.faults.length === 0) return undefined;
    const scope = this.options.scopeOf(req);
    const random = this.options.random ?? Math.random;
    for (const fault of this.faults) {
      if (fault.method && fault.method !== req.method) continue;
      if (fault.path && !(req.baseUrl + req.path).includes(fault.path)) continue;
      if (Object.entries(fault.scope).some(([k, v]) => scope[k] !== v)) continue;
      if (fault.rate !== undefined && !(random() < fault.rate)) continue;
      fault.applied += 1;
      if (fault.times !== undefined) {
        fault.times -= 1;
        if (fault.times === 0) this.faults = this.faults.filter((f) => f !== fault);
      }
      return fault;
    }
    return undefined;
  }

  middleware(onApplied?: (req: Request, fault: Fault) => void): RequestHandler {
    return (req, res, next) => {
      const fault = this.take(req);
      if (!fault) return next();
      onApplied?.(req, fault);
      if (fault.mode === 'error') return sendFault(res, fault.status ?? 503, fault.code ?? 'SIMULATED_FAILURE', fault.message ?? 'The service is unavailable (simulated).');
      if (fault.mode === 'refuse') {
        const refusal = this.options.defaultRefusal;
        return sendFault(res, 422, fault.code ?? refusal.code, fault.message ?? refusal.message);
      }
      const held = {
        timer: setTimeout(() => {
          this.held.delete(held);
          next();
        }, fault.delayMs ?? 30_000),
        release: () => {
          clearTimeout(held.timer);
          this.held.delete(held);
          sendFault(res, 503, 'SHUTTING_DOWN', 'The simulator is stopping.');
        },
      };
      this.held.add(held);
    };
  }
}

function sendFault(res: Response, status: number, code: string, message: string): void {
  if (!res.headersSent && !res.destroyed) res.status(status).json({ error: { code, message } });
}

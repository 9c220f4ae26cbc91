import type { Request, RequestHandler } from 'express';

/**
 * Request counts per route (`GET /api/companies/:id/shifts`, `POST /api/employers/:fein/filings`) and per answered status, so a test
 * can see that the adapter retried, or that a fault was hit. `aborted` counts requests whose
 * client went away before the answer (e.g. the adapter's time-out).
 * This file is the same in every simulator; only the parameter names differ.
 */
export interface RouteStats {
  count: number;
  faulted: number;
  statuses: Record<string, number>;
}

export class RequestStats {
  private routes = new Map<string, RouteStats>();

  /** @param paramAfter names the path segment that follows a collection, e.g. `{ companies: ':id' }`. */
  constructor(private readonly paramAfter: Record<string, string>) {}

  routeOf(method: string, path: string): string {
    const segments = path.split('/');
    const named = segments.map((segment, i) => (i > 0 && this.paramAfter[segments[i - 1]] && segment ? this.paramAfter[segments[i - 1]] : segment));
    return `${method} ${named.join('/')}`;
  }

  middleware(): RequestHandler {
    return (req, res, next) => {
      const entry = this.entry(this.routeOf(req.method, req.baseUrl + req.path));
      entry.count += 1;
      res.on('close', () => {
        const status = res.writableFinished ? String(res.statusCode) : 'aborted';
        entry.statuses[status] = (entry.statuses[status] ?? 0) + 1;
      });
      next();
    };
  }

  markFaulted(req: Request): void {
    this.entry(this.routeOf(req.method, req.baseUrl + req.path)).faulted += 1;
  }

  snapshot(): { total: number; routes: Record<string, RouteStats> } {
    const routes = Object.fromEntries([...this.routes].map(([k, v]) => [k, { ...v, statuses: { ...v.statuses } }]));
    return { total: [...this.routes.values()].reduce((sum, r) => sum + r.count, 0), routes };
  }

  reset(): void {
    this.routes = new Map();
  }

  private entry(route: string): RouteStats {
    let entry = this.routes.get(route);
    if (!entry) this.routes.set(route, (entry = { count: 0, faulted: 0, statuses: {} }));
    return entry;
  }
}

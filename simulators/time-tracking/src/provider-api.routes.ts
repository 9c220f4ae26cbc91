import { Router, type RequestHandler } from 'express';
import { parse } from '@advisor/simulator-kit';
import * as inputs from './inputs';
import type { TimeTrackingStore } from './time-tracking.store';

/**
 * The provider API payroll-sync uses, per company, with that company's key
 * (`authorization: Bearer <apiKey>`). Lists are changes since a sequence (SPEC P1 sync, P2 step 2).
 */
export function providerApiRoutes(store: TimeTrackingStore): Router {
  const r = Router();

  const authenticate: RequestHandler<{ id: string }> = (req, res, next) => {
    const match = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
    if (match && store.authenticates(req.params.id, match[1])) return next();
    res
      .status(401)
      .set('www-authenticate', 'Bearer')
      .json({ error: { code: 'UNAUTHORIZED', message: 'A valid API key of this company is required.' } });
  };
  r.use('/companies/:id', authenticate);

  r.get('/companies/:id', (req, res) => {
    res.json(store.company(req.params.id));
  });

  r.get('/companies/:id/workers', (req, res) => {
    const { since, limit } = parse(inputs.changesQuery, req.query);
    res.json(store.workersSince(req.params.id, since, limit));
  });
  /** SPEC P1: a member added on the payroll side; 201 when created, 200 when it already was (or was linked). */
  r.post('/companies/:id/workers', (req, res) => {
    const { worker, created } = store.createOrLinkWorker(req.params.id, parse(inputs.providerWorkerInput, req.body));
    res.status(created ? 201 : 200).json(worker);
  });
  r.patch('/companies/:id/workers/:workerId', (req, res) => {
    res.json(store.updateWorker(req.params.id, req.params.workerId, parse(inputs.providerWorkerPatch, req.body)));
  });

  r.get('/companies/:id/shifts', (req, res) => {
    const { since, limit } = parse(inputs.changesQuery, req.query);
    res.json(store.shiftsSince(req.params.id, since, limit));
  });
  r.post('/companies/:id/shifts/:shiftId/receipts', (req, res) => {
    res.json(store.recordReceipt(req.params.id, req.params.shiftId, parse(inputs.receiptInput, req.body)));
  });

  r.get('/companies/:id/time-off', (req, res) => {
    const { since, limit } = parse(inputs.changesQuery, req.query);
    res.json(store.timeOffSince(req.params.id, since, limit));
  });
  r.get('/companies/:id/expenses', (req, res) => {
    const { since, limit } = parse(inputs.changesQuery, req.query);
    res.json(store.expensesSince(req.params.id, since, limit));
  });

  return r;
}

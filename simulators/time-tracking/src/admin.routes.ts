import { Router } from 'express';
import { parse } from '@advisor/simulator-kit';
import type { FaultControls } from '@advisor/simulator-kit';
import * as inputs from './inputs';
import type { RequestStats } from '@advisor/simulator-kit';
import type { TimeTrackingStore } from './time-tracking.store';

/**
 * The demo, test and benchmark side (loopback only, no key): set up companies and their people,
 * enter and approve shifts as the client's admins and managers would, and control faults.
 */
export function adminRoutes(store: TimeTrackingStore, faults: FaultControls, stats: RequestStats): Router {
  const r = Router();

  r.post('/companies', (req, res) => {
    res.status(201).json(store.createCompany(parse(inputs.companyInput, req.body)));
  });
  r.get('/companies/:id', (req, res) => {
    res.json(store.snapshot(req.params.id));
  });

  r.post('/companies/:id/workers', (req, res) => {
    res.status(201).json(store.createWorker(req.params.id, parse(inputs.adminWorkerInput, req.body)));
  });
  r.patch('/companies/:id/workers/:workerId', (req, res) => {
    res.json(store.updateWorker(req.params.id, req.params.workerId, parse(inputs.adminWorkerPatch, req.body)));
  });
  r.delete('/companies/:id/workers/:workerId', (req, res) => {
    res.json(store.deleteWorker(req.params.id, req.params.workerId));
  });

  r.post('/companies/:id/shifts', (req, res) => {
    res.status(201).json(store.createShift(req.params.id, parse(inputs.shiftInput, req.body)));
  });
  r.patch('/companies/:id/shifts/:shiftId', (req, res) => {
    res.json(store.updateShift(req.params.id, req.params.shiftId, parse(inputs.shiftPatch, req.body)));
  });
  r.post('/companies/:id/shifts/:shiftId/approve', (req, res) => {
    const { approvedBy } = parse(inputs.approvalInput, req.body);
    res.json(store.approveShift(req.params.id, req.params.shiftId, approvedBy));
  });

  r.post('/companies/:id/time-off', (req, res) => {
    res.status(201).json(store.createTimeOff(req.params.id, parse(inputs.timeOffInput, req.body)));
  });
  r.post('/companies/:id/time-off/:timeOffId/approve', (req, res) => {
    const { approvedBy } = parse(inputs.optionalApprovalInput, req.body);
    res.json(store.approveTimeOff(req.params.id, req.params.timeOffId, approvedBy));
  });

  r.post('/companies/:id/expenses', (req, res) => {
    res.status(201).json(store.createExpense(req.params.id, parse(inputs.expenseInput, req.body)));
  });

  r.post('/faults', (req, res) => {
    res.status(201).json(faults.add(req.body));
  });
  r.get('/faults', (_req, res) => {
    res.json({ items: faults.list() });
  });
  r.delete('/faults', (_req, res) => {
    faults.clear();
    res.status(204).end();
  });
  r.delete('/faults/:faultId', (req, res) => {
    if (faults.remove(req.params.faultId)) res.status(204).end();
    else res.status(404).json({ error: { code: 'UNKNOWN_FAULT', message: `No fault ${req.params.faultId}.` } });
  });

  r.get('/stats', (_req, res) => {
    res.json(stats.snapshot());
  });
  r.delete('/stats', (_req, res) => {
    stats.reset();
    res.status(204).end();
  });

  return r;
}

import { Router } from 'express';
import { parse } from '@advisor/simulator-kit';
import type { FaultControls } from '@advisor/simulator-kit';
import * as inputs from './inputs';
import type { RequestStats } from '@advisor/simulator-kit';
import type { TaxAuthorityStore } from './tax-authority.store';

/**
 * The demo, test and benchmark side (loopback only, no key): register employers, issue their
 * employees' tax cards, make filings fail on purpose, and control faults.
 */
export function adminRoutes(store: TaxAuthorityStore, faults: FaultControls, stats: RequestStats): Router {
  const r = Router();

  r.post('/employers', (req, res) => {
    res.status(201).json(store.createEmployer(parse(inputs.employerInput, req.body)));
  });
  r.get('/employers/:fein', (req, res) => {
    res.json(store.snapshot(req.params.fein));
  });
  r.post('/employers/:fein/employees', (req, res) => {
    const { card, created } = store.issueTaxCard(req.params.fein, parse(inputs.taxCardInput, req.body));
    res.status(created ? 201 : 200).json(card);
  });
  r.post('/employers/:fein/reject-filings', (req, res) => {
    res.json({ rejectFilings: store.rejectNextFilings(req.params.fein, parse(inputs.rejectFilingsInput, req.body)) });
  });
  r.delete('/employers/:fein/reject-filings', (req, res) => {
    store.rejectNextFilings(req.params.fein, null);
    res.status(204).end();
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

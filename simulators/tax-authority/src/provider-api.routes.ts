import { Router, type RequestHandler } from 'express';
import { parse } from '@advisor/simulator-kit';
import * as inputs from './inputs';
import type { TaxAuthorityStore } from './tax-authority.store';

/** The provider API payroll-sync uses, per employer, with that employer's key (`authorization: Bearer <apiKey>`). */
export function providerApiRoutes(store: TaxAuthorityStore, now: () => Date = () => new Date()): Router {
  const r = Router();

  const authenticate: RequestHandler<{ fein: string }> = (req, res, next) => {
    const match = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
    if (match && store.authenticates(req.params.fein, match[1])) return next();
    res
      .status(401)
      .set('www-authenticate', 'Bearer')
      .json({ error: { code: 'UNAUTHORIZED', message: 'A valid API key of this employer is required.' } });
  };
  r.use('/employers/:fein', authenticate);

  r.get('/employers/:fein', (req, res) => {
    res.json(store.employer(req.params.fein));
  });

  /** SPEC P6: the employees' tax cards for a year (this year by default). */
  r.get('/employers/:fein/tax-cards', (req, res) => {
    const year = parse(inputs.taxCardsQuery, req.query).year ?? now().getUTCFullYear();
    res.json({ year, items: store.taxCardsOf(req.params.fein, year) });
  });

  /** SPEC P7: the employer tax filing for a month; 201 when new, 200 when replayed by idempotency key. */
  r.post('/employers/:fein/filings', (req, res) => {
    const key = parse(inputs.idempotencyKey, req.get('idempotency-key'));
    const { filing, replayed } = store.file(req.params.fein, parse(inputs.filingInput, req.body), key);
    res.status(replayed ? 200 : 201).json(filing);
  });
  r.get('/employers/:fein/filings', (req, res) => {
    const { period } = parse(inputs.filingsQuery, req.query);
    res.json({ items: store.filingsOf(req.params.fein, period) });
  });

  return r;
}

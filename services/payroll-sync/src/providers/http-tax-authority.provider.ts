import { fields, type Fields } from './decode';
import { requestJson, type HttpProviderOptions, type JsonRequest } from './http-json';
import type {
  EmployerFiling,
  FilingResult,
  TaxAuthorityConnection,
  TaxAuthorityEmployer,
  TaxAuthorityProvider,
  TaxCard,
} from './tax-authority.provider';

const PROVIDER = 'tax-authority';

/** The tax-authority provider over HTTP (Node's fetch, a time-out per request, default 5 s). */
export class HttpTaxAuthorityProvider implements TaxAuthorityProvider {
  constructor(private readonly options: HttpProviderOptions) {}

  async getEmployer(connection: TaxAuthorityConnection): Promise<TaxAuthorityEmployer> {
    const f = fields(PROVIDER, (await this.request(connection, { method: 'GET', path: '' })).body, 'employer');
    return { fein: f.string('fein'), name: f.string('name') };
  }

  async listTaxCards(connection: TaxAuthorityConnection, year: number): Promise<TaxCard[]> {
    const { body } = await this.request(connection, { method: 'GET', path: '/tax-cards', query: { year } });
    return fields(PROVIDER, body, 'tax cards').list('items', (f) => ({
      id: f.string('id'),
      externalRef: f.string('externalRef'),
      ssnLast4: f.nullableString('ssnLast4'),
      firstName: f.string('firstName'),
      lastName: f.string('lastName'),
      withholdingRateBasisPoints: f.int('withholdingRateBasisPoints'),
      year: f.int('year'),
      issuedAt: f.string('issuedAt'),
    }));
  }

  async submitFiling(connection: TaxAuthorityConnection, filing: EmployerFiling, idempotencyKey: string): Promise<{ filing: FilingResult; replayed: boolean }> {
    const { status, body } = await this.request(connection, { method: 'POST', path: '/filings', body: filing, headers: { 'idempotency-key': idempotencyKey } });
    return { filing: readFiling(fields(PROVIDER, body, 'filing')), replayed: status === 200 };
  }

  async listFilings(connection: TaxAuthorityConnection, period?: string): Promise<FilingResult[]> {
    const { body } = await this.request(connection, { method: 'GET', path: '/filings', query: { period } });
    return fields(PROVIDER, body, 'filings').list('items', readFiling);
  }

  private request(connection: TaxAuthorityConnection, request: Omit<JsonRequest, 'apiKey'>) {
    return requestJson(PROVIDER, this.options, {
      ...request,
      path: `/api/employers/${encodeURIComponent(connection.fein)}${request.path}`,
      apiKey: connection.apiKey,
    });
  }
}

function readFiling(f: Fields): FilingResult {
  return {
    id: f.string('id'),
    period: f.string('period'),
    grossPayCents: f.int('grossPayCents'),
    taxWithheldCents: f.int('taxWithheldCents'),
    employerTaxCents: f.int('employerTaxCents'),
    lines: f.list('lines', (l) => ({ externalRef: l.string('externalRef'), grossPayCents: l.int('grossPayCents'), taxWithheldCents: l.int('taxWithheldCents') })),
    status: f.oneOf('status', ['ACCEPTED', 'REJECTED'] as const),
    errors: f.list('errors', (e) => ({ code: e.string('code'), message: e.string('message') })),
    receivedAt: f.string('receivedAt'),
  };
}

import { fields, type Fields } from './decode';
import { requestJson, type HttpProviderOptions, type JsonRequest } from './http-json';
import type {
  ChangePage,
  ChangesQuery,
  NewTimeTrackingWorker,
  ShiftReceipt,
  ShiftReceiptInput,
  TimeTrackingCompany,
  TimeTrackingConnection,
  TimeTrackingExpense,
  TimeTrackingProvider,
  TimeTrackingShift,
  TimeTrackingTimeOff,
  TimeTrackingWorker,
  TimeTrackingWorkerPatch,
} from './time-tracking.provider';

const PROVIDER = 'time-tracking';

/** The time-tracking provider over HTTP (Node's fetch, a time-out per request, default 5 s). */
export class HttpTimeTrackingProvider implements TimeTrackingProvider {
  constructor(private readonly options: HttpProviderOptions) {}

  async getCompany(connection: TimeTrackingConnection): Promise<TimeTrackingCompany> {
    const f = await this.call(connection, { method: 'GET', path: '' }, 'company');
    return { id: f.string('id'), name: f.string('name'), timeZone: f.string('timeZone') };
  }

  listWorkers(connection: TimeTrackingConnection, query?: ChangesQuery): Promise<ChangePage<TimeTrackingWorker>> {
    return this.changes(connection, '/workers', query, readWorker);
  }

  async createWorker(connection: TimeTrackingConnection, worker: NewTimeTrackingWorker): Promise<{ worker: TimeTrackingWorker; created: boolean }> {
    const { status, body } = await this.request(connection, { method: 'POST', path: '/workers', body: worker });
    return { worker: readWorker(fields(PROVIDER, body, 'worker')), created: status === 201 };
  }

  async updateWorker(connection: TimeTrackingConnection, workerId: string, patch: TimeTrackingWorkerPatch): Promise<TimeTrackingWorker> {
    return readWorker(await this.call(connection, { method: 'PATCH', path: `/workers/${encodeURIComponent(workerId)}`, body: patch }, 'worker'));
  }

  listShifts(connection: TimeTrackingConnection, query?: ChangesQuery): Promise<ChangePage<TimeTrackingShift>> {
    return this.changes(connection, '/shifts', query, readShift);
  }

  listTimeOff(connection: TimeTrackingConnection, query?: ChangesQuery): Promise<ChangePage<TimeTrackingTimeOff>> {
    return this.changes(connection, '/time-off', query, (f) => ({
      id: f.string('id'),
      workerId: f.string('workerId'),
      date: f.string('date'),
      minutes: f.int('minutes'),
      kind: f.oneOf('kind', ['PTO', 'SICK', 'UNPAID'] as const),
      status: f.oneOf('status', ['PENDING', 'APPROVED'] as const),
      approvedAt: f.nullableString('approvedAt'),
      approvedBy: f.nullableString('approvedBy'),
      updatedAt: f.string('updatedAt'),
      sequence: f.int('sequence'),
    }));
  }

  listExpenses(connection: TimeTrackingConnection, query?: ChangesQuery): Promise<ChangePage<TimeTrackingExpense>> {
    return this.changes(connection, '/expenses', query, (f) => ({
      id: f.string('id'),
      workerId: f.string('workerId'),
      date: f.string('date'),
      kind: f.oneOf('kind', ['TRIP', 'EXPENSE'] as const),
      amountCents: f.int('amountCents'),
      description: f.string('description'),
      updatedAt: f.string('updatedAt'),
      sequence: f.int('sequence'),
    }));
  }

  async sendShiftReceipt(connection: TimeTrackingConnection, shiftId: string, receipt: ShiftReceiptInput): Promise<ShiftReceipt> {
    const f = await this.call(connection, { method: 'POST', path: `/shifts/${encodeURIComponent(shiftId)}/receipts`, body: receipt }, 'receipt');
    return { shiftId: f.string('shiftId'), status: f.oneOf('status', ['SENT', 'ERROR'] as const), reason: f.nullableString('reason'), receivedAt: f.string('receivedAt') };
  }

  private async changes<T>(connection: TimeTrackingConnection, path: string, query: ChangesQuery | undefined, item: (f: Fields) => T): Promise<ChangePage<T>> {
    const f = await this.call(connection, { method: 'GET', path, query: { since: query?.since ?? 0, limit: query?.limit } }, path.slice(1));
    return { items: f.list('items', item), nextSequence: f.int('nextSequence'), hasMore: f.boolean('hasMore') };
  }

  private async call(connection: TimeTrackingConnection, request: Omit<JsonRequest, 'apiKey'>, what: string): Promise<Fields> {
    const { body } = await this.request(connection, request);
    return fields(PROVIDER, body, what);
  }

  private request(connection: TimeTrackingConnection, request: Omit<JsonRequest, 'apiKey'>) {
    return requestJson(PROVIDER, this.options, {
      ...request,
      path: `/api/companies/${encodeURIComponent(connection.companyId)}${request.path}`,
      apiKey: connection.apiKey,
    });
  }
}

function readWorker(f: Fields): TimeTrackingWorker {
  return {
    id: f.string('id'),
    externalRef: f.nullableString('externalRef'),
    firstName: f.string('firstName'),
    lastName: f.string('lastName'),
    email: f.string('email'),
    kind: f.oneOf('kind', ['W2', 'CONTRACTOR'] as const),
    isManager: f.boolean('isManager'),
    isAdmin: f.boolean('isAdmin'),
    payRateCents: f.nullableInt('payRateCents'),
    deletedAt: f.nullableString('deletedAt'),
    updatedAt: f.string('updatedAt'),
    sequence: f.int('sequence'),
  };
}

function readShift(f: Fields): TimeTrackingShift {
  const receipt = f.nullableObject('receipt');
  return {
    id: f.string('id'),
    workerId: f.string('workerId'),
    start: f.string('start'),
    end: f.string('end'),
    breakMinutes: f.int('breakMinutes'),
    minutes: f.int('minutes'),
    localDate: f.string('localDate'),
    status: f.oneOf('status', ['PENDING', 'APPROVED'] as const),
    approvedAt: f.nullableString('approvedAt'),
    approvedBy: f.nullableString('approvedBy'),
    receipt: receipt && { status: receipt.oneOf('status', ['SENT', 'ERROR'] as const), reason: receipt.nullableString('reason'), receivedAt: receipt.string('receivedAt') },
    updatedAt: f.string('updatedAt'),
    sequence: f.int('sequence'),
  };
}

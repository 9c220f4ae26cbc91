import { once } from 'node:events';
import { pipeline } from 'node:stream/promises';
import type { Express, Request, Response } from 'express';
import { stringify } from 'csv-stringify';
import { GraphQLError } from 'graphql';
import { CommonErrorCode, graphqlErrorBody, type Logger } from '@advisor/kit';
import type { CsvReport } from './csv-report';

/** The most rows a report page may hold (the reports' own bound, SPEC P5). */
export const CSV_EXPORT_PAGE_SIZE = 200;

interface Page {
  rows: Array<Record<string, unknown>>;
  nextCursor: string | null;
}

export interface CsvExportOptions {
  reports: readonly CsvReport[];
  /**
   * Runs a query through the gateway itself as the request's caller (the same authentication as
   * /graphql, the same limits and error masking): throws a GraphQLError with the first error's code.
   */
  query: (req: Request, query: string, variables: Record<string, unknown>) => Promise<Record<string, unknown> | null | undefined>;
  /** Rows asked per page (default CSV_EXPORT_PAGE_SIZE; the tests ask fewer to cross pages). */
  pageSize?: number;
  logger: Logger;
}

const STATUS_OF: Record<string, number> = {
  [CommonErrorCode.BadUserInput]: 400,
  QUERY_TOO_COMPLEX: 400,
  [CommonErrorCode.Unauthenticated]: 401,
  [CommonErrorCode.Forbidden]: 403,
  [CommonErrorCode.NotFound]: 404,
};

class ExportRefused extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * CSV downloads of reports (SPEC P5): `GET /reports/<name>.csv?<params>` with the caller's bearer
 * token, as for /graphql. The report's GraphQL query runs through the gateway page by page, as the
 * caller, so every row is one the owning service's domain let them read (SPEC C6); each page is
 * written as it arrives (the next one is already asked for), through csv-stringify (quoting,
 * formula injection: cells starting with =, +, -, @, tab or CR get a leading `'`), so a process
 * holds at most two pages whatever the size of the report.
 *
 * Until the first page has answered nothing is sent, so a refusal is a JSON error with its code
 * and HTTP status (400, 401, 403, 404). A page failing later can no longer change the status: the
 * response is cut off (no final chunk), so the download fails visibly instead of ending short.
 */
export function serveCsvExports(app: Express, opts: CsvExportOptions): void {
  const byName = new Map(opts.reports.map((r) => [r.name, r]));
  const pageSize = opts.pageSize ?? CSV_EXPORT_PAGE_SIZE;
  app.get('/reports/:file', async (req: Request, res: Response) => {
    const file = String(req.params.file);
    const report = file.endsWith('.csv') ? byName.get(file.slice(0, -'.csv'.length)) : undefined;
    try {
      if (!report) throw new ExportRefused(CommonErrorCode.NotFound, `There is no report "${file}". Reports: ${[...byName.keys()].map((n) => `${n}.csv`).join(', ')}.`);
      const variables = variablesFrom(report, req.query);
      const fetchPage = async (after: string | null): Promise<Page> => {
        if (report.rowsOf) {
          const data = await opts.query(req, report.query, variables);
          if (!data) throw new Error(`The query of report ${report.name} answered no data`);
          return { rows: report.rowsOf(data), nextCursor: null };
        }
        const data = await opts.query(req, report.query, { ...variables, first: pageSize, after });
        const page = data?.page as Page | undefined;
        if (!page || !Array.isArray(page.rows)) throw new Error(`The query of report ${report.name} answered no page`);
        return page;
      };
      const first = await fetchPage(null);
      await stream(res, report, first, fetchPage);
    } catch (err) {
      if (res.headersSent) {
        opts.logger.warn({ err, report: report?.name }, 'CSV export cut off after its first page');
        res.destroy();
        return;
      }
      const code = err instanceof ExportRefused ? err.code : err instanceof GraphQLError && typeof err.extensions.code === 'string' ? err.extensions.code : CommonErrorCode.Internal;
      const status = STATUS_OF[code] ?? 500;
      if (status === 500) opts.logger.error({ err, report: report?.name }, 'CSV export failed');
      const message = status === 500 && !(err instanceof GraphQLError) ? 'Something went wrong on our side. It has been logged.' : (err as Error).message;
      res.status(status).setHeader('cache-control', 'no-store');
      res.json(graphqlErrorBody(message, code));
    }
  });
}

/** The report's variables from the query string: its params only, each once, the required ones present. */
function variablesFrom(report: CsvReport, query: Request['query']): Record<string, string | null> {
  const known = new Set(report.params.map((p) => p.name));
  const unknown = Object.keys(query).filter((k) => !known.has(k));
  if (unknown.length) throw new ExportRefused(CommonErrorCode.BadUserInput, `Unknown parameter(s) ${unknown.join(', ')}; ${report.name}.csv takes ${[...known].join(', ') || 'none'}.`);
  const variables: Record<string, string | null> = {};
  for (const param of report.params) {
    const value = query[param.name];
    if (Array.isArray(value) || (value !== undefined && typeof value !== 'string')) throw new ExportRefused(CommonErrorCode.BadUserInput, `${param.name} is given once, as a string.`);
    if (param.required && !value) throw new ExportRefused(CommonErrorCode.BadUserInput, `${param.name} is required.`);
    variables[param.name] = value || null;
  }
  return variables;
}

async function stream(res: Response, report: CsvReport, first: Page, fetchPage: (after: string | null) => Promise<Page>): Promise<void> {
  res.status(200);
  res.setHeader('content-type', 'text/csv; charset=utf-8');
  res.setHeader('content-disposition', `attachment; filename="${report.name}.csv"`);
  res.setHeader('cache-control', 'no-store');
  // RFC 4180 line ends; a byte-order mark, so spreadsheet programs read the file as UTF-8.
  const csv = stringify({ bom: true, escape_formulas: true, record_delimiter: 'windows' });
  const gone = new AbortController();
  res.on('close', () => {
    if (!res.writableFinished) gone.abort();
  });
  const sent = pipeline(csv, res);
  const write = async (record: unknown[]) => {
    if (!csv.write(record)) await once(csv, 'drain', { signal: gone.signal });
  };
  try {
    await write(report.columns.map((c) => c.header));
    let page: Page = first;
    for (;;) {
      // The next page is asked for while this one is written.
      const next = page.nextCursor ? fetchPage(page.nextCursor) : undefined;
      next?.catch(() => undefined);
      for (const row of page.rows) {
        gone.signal.throwIfAborted();
        await write(report.columns.map((c) => c.value(row as never) ?? null));
      }
      if (!next) break;
      page = await next;
    }
    csv.end();
  } catch (err) {
    csv.destroy(err as Error);
  }
  // A caller who went away is no failure of ours.
  await sent.catch((err) => {
    if (!gone.signal.aborted) throw err;
  });
}

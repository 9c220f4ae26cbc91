/**
 * What a CSV export is: a paginated GraphQL query run through the gateway as the caller, and the
 * columns one row of it becomes. A report adds itself to the registry (`reports.ts`) with
 * `defineCsvReport`; the route (`csv-export.ts`) does the rest.
 *
 * The query's contract, for a list that grows with a firm:
 *  - it declares `$first: Int` and `$after: String` and passes them to its paginated root field;
 *  - that root field is aliased `page` and selects `rows { … }` and `nextCursor`;
 * or, for a report that is one bounded object (the F11 leaver report), `rowsOf` turns its one
 * answer into the rows (the query then declares neither `$first` nor `$after`);
 *  - every other variable is one of `params`, read from the URL's query string as a string
 *    (the owning service validates them, so a bad value gets its BAD_USER_INPUT as on /graphql).
 */
export interface CsvColumn<Row> {
  /** The header cell. */
  header: string;
  /** The cell: strings are escaped against formula injection, null is an empty cell. */
  value: (row: Row) => string | number | null | undefined;
}

export interface CsvParam {
  /** The GraphQL variable and the query-string name. */
  name: string;
  required: boolean;
}

export interface CsvReport<Row = Record<string, unknown>> {
  /** `GET /reports/<name>.csv`. */
  name: string;
  /** One line for the README and the error that lists the reports. */
  description: string;
  params: CsvParam[];
  query: string;
  columns: Array<CsvColumn<Row>>;
  /** A report that is one answer, not pages: its rows from the query's data. */
  rowsOf?: (data: Record<string, unknown>) => Row[];
}

/** Ties a report's columns to the row type of its query (for the author; the registry holds them untyped). */
export function defineCsvReport<Row>(report: CsvReport<Row>): CsvReport {
  return report as unknown as CsvReport;
}

/** Exact dollars from integer cents given as a decimal string or number (GraphQL's money fields): "123456" → "1234.56". */
export function centsToDollars(cents: string | number | null | undefined): string | null {
  if (cents === null || cents === undefined) return null;
  const value = BigInt(cents);
  const sign = value < 0n ? '-' : '';
  const abs = value < 0n ? -value : value;
  return `${sign}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
}

/** A 0–1 share as a percentage with one decimal ("87.5"); empty without a value. */
export function percent(share: number | null | undefined): string | null {
  return share === null || share === undefined ? null : (Math.round(share * 1000) / 10).toFixed(1);
}

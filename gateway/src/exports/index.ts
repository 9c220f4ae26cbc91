/**
 * CSV downloads of reports at the gateway (SPEC P5): `GET /reports/<name>.csv`.
 *
 * To add a report: append a `defineCsvReport({ name, description, params, query, columns })` to
 * `CSV_REPORTS` in `reports.ts`. The query follows the contract in `csv-report.ts` (variables
 * `$first`/`$after`, root field aliased `page` with `rows` and `nextCursor`); the route
 * (`csv-export.ts`) authenticates, pages, quotes, escapes formulas and streams.
 */
export { serveCsvExports, CSV_EXPORT_PAGE_SIZE, type CsvExportOptions } from './csv-export';
export { defineCsvReport, centsToDollars, percent, type CsvReport, type CsvColumn, type CsvParam } from './csv-report';
export { CSV_REPORTS } from './reports';

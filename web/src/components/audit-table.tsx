import type { GridColDef } from '@mui/x-data-grid';
import type { CombinedError } from 'urql';
import { humanize, formatDateTime } from '../labels';
import { ApiError } from './feedback';
import { DataTable } from './data-table';

export interface AuditRow {
  id: string;
  action: string;
  actor: string;
  subject: string;
  before?: string | null;
  after?: string | null;
  at: string;
}

/** A JSON snapshot as one readable line: `status: PENDING → ACCEPTED`-style key/value pairs. */
export function describeChange(before?: string | null, after?: string | null): string {
  const parse = (s?: string | null): Record<string, unknown> | null => {
    if (!s) return null;
    try {
      const v = JSON.parse(s);
      return v && typeof v === 'object' && !Array.isArray(v) ? v : { value: v };
    } catch {
      return { value: s };
    }
  };
  const b = parse(before) ?? {};
  const a = parse(after) ?? {};
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  const show = (v: unknown) => (v === undefined ? '—' : Array.isArray(v) ? v.join(', ') || 'none' : typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v));
  return keys
    .filter((k) => JSON.stringify(b[k]) !== JSON.stringify(a[k]))
    .map((k) => (k in b && k in a ? `${k}: ${show(b[k])} → ${show(a[k])}` : k in a ? `${k}: ${show(a[k])}` : `${k}: ${show(b[k])} removed`))
    .join('; ');
}

const columns: GridColDef<AuditRow>[] = [
  { field: 'at', headerName: 'When', width: 170, valueFormatter: (v: string) => formatDateTime(v) },
  { field: 'action', headerName: 'What', width: 220, valueFormatter: (v: string) => humanize(v) },
  { field: 'actor', headerName: 'Who', width: 170 },
  { field: 'subject', headerName: 'On', width: 160 },
  { field: 'change', headerName: 'Change', flex: 1, minWidth: 300, valueGetter: (_v, r) => describeChange(r.before, r.after) },
];

const UUID = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi;

/** Ids the reader can name (members, clients) replaced by their names. */
export function withNames(text: string, names: ReadonlyMap<string, string>): string {
  return text.replace(UUID, (id) => names.get(id) ?? id);
}

/** SPEC G4: an audit trail: who changed what, when, before and after. */
export function AuditTable({ label, rows, loading, error, names = new Map() }: { label: string; rows: AuditRow[]; loading: boolean; error?: CombinedError; names?: ReadonlyMap<string, string> }) {
  const named = rows.map((r) => ({ ...r, before: r.before && withNames(r.before, names), after: r.after && withNames(r.after, names) }));
  return (
    <>
      <ApiError error={error} />
      <DataTable label={label} rows={named} columns={columns} loading={loading} empty="Nothing recorded yet." />
    </>
  );
}

import { useState } from 'react';
import { useClient, CombinedError } from 'urql';
import { Button, Stack } from '@mui/material';
import { GraphQLError } from 'graphql';
import { sessionStore } from '../api/session';
import { Me } from './layout';
import { ApiError } from './feedback';

/** Parameters of a report download: empty ones are left out. */
export function reportUrl(name: string, params: Record<string, string | null | undefined>): string {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) query.set(k, v);
  const qs = query.toString();
  return `/reports/${encodeURIComponent(name)}.csv${qs ? `?${qs}` : ''}`;
}

/** The gateway's refusal (`{ errors: [{ message, extensions: { code } }] }`) as the app's error type. */
export async function refusalOf(res: Response): Promise<CombinedError> {
  const body = (await res.json().catch(() => null)) as { errors?: Array<{ message: string; extensions?: Record<string, unknown> }> } | null;
  const errors = body?.errors?.length ? body.errors : [{ message: 'Something went wrong on our side. Try again in a moment.', extensions: { code: 'INTERNAL_SERVER_ERROR' } }];
  return new CombinedError({ graphQLErrors: errors.map((e) => new GraphQLError(e.message, { extensions: e.extensions })) });
}

/**
 * SPEC P5: "Download CSV" of a report, from the gateway's `GET /reports/<name>.csv` with the
 * session's bearer token (a link cannot carry it): the file is fetched, then saved under the
 * gateway's name. A token the gateway no longer takes is renewed once through the GraphQL client
 * (its refresh), then the download is asked again; a refusal is shown beside the button.
 */
export function CsvDownloadButton({ report, params, label = 'Download CSV', fetchFn = (...a: Parameters<typeof fetch>) => fetch(...a) }: {
  report: string;
  params: Record<string, string | null | undefined>;
  label?: string;
  fetchFn?: typeof fetch;
}) {
  const client = useClient();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<CombinedError | undefined>();
  const url = reportUrl(report, params);
  const ask = () => {
    const token = sessionStore.get()?.accessToken;
    return fetchFn(url, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
  };
  const download = async () => {
    setBusy(true);
    setError(undefined);
    try {
      let res = await ask();
      if (res.status === 401) {
        await client.query(Me, {}, { requestPolicy: 'network-only' }).toPromise();
        res = await ask();
      }
      if (!res.ok) {
        setError(await refusalOf(res));
        return;
      }
      const blob = await res.blob();
      const link = document.createElement('a');
      link.href = URL.createObjectURL(blob);
      link.download = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? `${report}.csv`;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
    } catch {
      setError(new CombinedError({ networkError: new Error('offline') }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack spacing={0.5} sx={{ alignItems: 'flex-start' }}>
      <Button variant="outlined" onClick={download} disabled={busy} aria-describedby={error ? `${report}-csv-error` : undefined}>
        {busy ? 'Preparing CSV…' : label}
      </Button>
      <ApiError error={error} id={`${report}-csv-error`} />
    </Stack>
  );
}

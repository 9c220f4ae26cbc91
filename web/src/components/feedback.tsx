import type { ReactNode } from 'react';
import { Alert, Box, CircularProgress, Stack, Typography } from '@mui/material';
import type { CombinedError } from 'urql';
import { formErrors } from '../api/errors';

/** A query's loading state, with a label screen readers announce. */
export function Loading({ what = 'Loading' }: { what?: string }) {
  return (
    <Stack direction="row" spacing={1} role="status" aria-live="polite" sx={{ py: 2, alignItems: 'center' }}>
      <CircularProgress size={18} aria-hidden />
      <Typography variant="body2" color="text.secondary">
        {what}…
      </Typography>
    </Stack>
  );
}

/** What an empty list says, and what to do about it. */
export function Empty({ children }: { children: ReactNode }) {
  return (
    <Box sx={{ py: 3, px: 2, color: 'text.secondary', textAlign: 'center' }} role="note">
      <Typography variant="body2">{children}</Typography>
    </Box>
  );
}

/**
 * General errors of a request, shown beside the thing that caused it. Field errors are shown by
 * the fields themselves (see `formErrors`).
 */
export function ApiError({ error, messages, id }: { error?: CombinedError | null; messages?: string[]; id?: string }) {
  const list = messages ?? formErrors(error).general;
  if (list.length === 0) return null;
  return (
    <Alert severity="error" id={id} role="alert" sx={{ my: 1 }}>
      {list.map((m) => (
        <div key={m}>{m}</div>
      ))}
    </Alert>
  );
}

export function PageHeader({ title, actions, subtitle }: { title: string; actions?: ReactNode; subtitle?: ReactNode }) {
  return (
    <>
      {/* React hoists it into <head>: each screen has its own title for tabs and screen readers. */}
      <title>{`${title} · Advisor Dashboard`}</title>
      <Stack direction="row" spacing={2} sx={{ mb: 2, alignItems: 'flex-start', justifyContent: 'space-between' }}>
        <Box>
          <Typography variant="h1" component="h1">
            {title}
          </Typography>
          {subtitle && (
            <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>
              {subtitle}
            </Typography>
          )}
        </Box>
        {actions && (
          <Stack direction="row" spacing={1}>
            {actions}
          </Stack>
        )}
      </Stack>
    </>
  );
}

import { useState, type ReactNode } from 'react';
import { Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, type ButtonProps } from '@mui/material';
import type { CombinedError } from 'urql';
import { ApiError } from './feedback';

/**
 * A button for an action that cannot be undone (deactivate, end a link, end access): asks first,
 * and shows the API's refusal inside the question, next to the button that was pressed.
 */
export function ConfirmButton({
  label,
  title,
  children,
  confirmLabel,
  onConfirm,
  ...buttonProps
}: {
  label: string;
  title: string;
  children: ReactNode;
  confirmLabel?: string;
  onConfirm: () => Promise<{ error?: CombinedError }>;
} & Omit<ButtonProps, 'onClick' | 'children' | 'title'>) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<CombinedError | undefined>();
  const confirm = async () => {
    setBusy(true);
    const r = await onConfirm();
    setBusy(false);
    setError(r.error);
    if (!r.error) setOpen(false);
  };
  return (
    <>
      <Button size="small" color="error" {...buttonProps} onClick={() => (setError(undefined), setOpen(true))}>
        {label}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} aria-labelledby="confirm-title">
        <DialogTitle id="confirm-title">{title}</DialogTitle>
        <DialogContent>
          <DialogContentText component="div">{children}</DialogContentText>
          <ApiError error={error} />
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>Cancel</Button>
          <Button color="error" variant="contained" onClick={confirm} disabled={busy}>
            {confirmLabel ?? label}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
}

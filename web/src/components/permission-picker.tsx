import { Checkbox, FormControl, FormControlLabel, FormGroup, FormHelperText, FormLabel } from '@mui/material';

/**
 * Checkboxes for a set of permissions (SPEC C2, F6): the client's grant to a firm, a member's
 * assignment, a member's firm permissions. `limitTo` disables what the caller may not give.
 */
export function PermissionPicker<P extends string>({
  label,
  options,
  labels,
  value,
  onChange,
  limitTo,
  error,
  disabled,
}: {
  label: string;
  options: readonly P[];
  labels: Record<P, string>;
  value: readonly P[];
  onChange: (next: P[]) => void;
  limitTo?: readonly P[];
  error?: string;
  disabled?: boolean;
}) {
  const toggle = (p: P, on: boolean) => onChange(options.filter((o) => (o === p ? on : value.includes(o))));
  return (
    <FormControl component="fieldset" error={Boolean(error)} disabled={disabled} sx={{ my: 1 }}>
      <FormLabel component="legend">{label}</FormLabel>
      <FormGroup row>
        {options.map((p) => (
          <FormControlLabel
            key={p}
            label={labels[p]}
            disabled={disabled || (limitTo ? !limitTo.includes(p) && !value.includes(p) : false)}
            control={<Checkbox size="small" checked={value.includes(p)} onChange={(e) => toggle(p, e.target.checked)} />}
          />
        ))}
      </FormGroup>
      {error && <FormHelperText>{error}</FormHelperText>}
    </FormControl>
  );
}

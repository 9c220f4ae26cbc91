import { useState, type ChangeEvent } from 'react';
import type { FormErrors } from '../api/errors';

/**
 * Text fields of one form: their values, and the props that bind each to an MUI TextField with
 * its own error shown beneath it (`helperText`), announced to screen readers with the field.
 */
export function useFields<T extends Record<string, string>>(initial: T) {
  const [values, setValues] = useState<T>(initial);
  const bind = (name: keyof T & string, errors: FormErrors, help?: string) => ({
    id: name,
    name,
    value: values[name],
    onChange: (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => setValues((v) => ({ ...v, [name]: e.target.value })),
    error: Boolean(errors.fields[name]),
    helperText: errors.fields[name] ?? help,
  });
  const set = (name: keyof T & string, value: string) => setValues((v) => ({ ...v, [name]: value }));
  return { values, bind, set, reset: () => setValues(initial) };
}

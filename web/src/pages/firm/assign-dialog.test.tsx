import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Provider } from 'urql';
import { clientAnswering, refusal } from '../../test-support/graphql-client';
import { dateInputValue, endOfDayIso, endsAtChange } from '../../components/end-date-field';
import { AssignDialog, EditAssignmentDialog } from './assign-dialog';

describe('F10 end dates when granting access', () => {
  it('F10: a picked day ends at the end of that day, in the person\'s own time zone', () => {
    const iso = endOfDayIso('2026-12-31')!;
    const end = new Date(iso);
    expect([end.getFullYear(), end.getMonth(), end.getDate(), end.getHours(), end.getMinutes()]).toEqual([2026, 11, 31, 23, 59]);
    expect(dateInputValue(iso)).toBe('2026-12-31');
    expect(endOfDayIso('')).toBeUndefined();
    expect(endOfDayIso('31/12/2026')).toBeUndefined();
  });

  it('F10: an edit sends the end date only when it changed, and null to remove it', () => {
    const initial = endOfDayIso('2026-12-31');
    expect(endsAtChange(initial, '2026-12-31')).toEqual({});
    expect(endsAtChange(initial, '')).toEqual({ endsAt: null });
    expect(endsAtChange(null, '')).toEqual({});
    expect(endsAtChange(null, '2027-01-15')).toEqual({ endsAt: endOfDayIso('2027-01-15') });
  });

  it('F10: Assign client sends the end date; END_DATE_IN_PAST is shown at the date field and the dialog stays open', async () => {
    const { client, sent } = clientAnswering({ AssignMember: { error: refusal('The end date must be in the future.', { code: 'END_DATE_IN_PAST' }) } });
    let closed = false;
    render(
      <Provider value={client}>
        <AssignDialog title="Assign client to Morgan Member" targetLabel="Client" fixed={{ memberId: 'm2' }} options={[{ id: 'c1', label: 'Browser Bakery', linkPermissions: ['VIEW_COMPANY'] }]} onClose={() => (closed = true)} />
      </Provider>,
    );
    const dialog = screen.getByRole('dialog', { name: 'Assign client to Morgan Member' });
    const user = userEvent.setup({ delay: null });
    await user.click(within(dialog).getByRole('combobox', { name: 'Client' }));
    await user.click(screen.getByRole('option', { name: 'Browser Bakery' }));
    await user.click(within(dialog).getByLabelText('View company'));
    const endsAt = within(dialog).getByLabelText('Access ends on (optional)');
    await user.type(endsAt, '2020-01-31');
    await user.click(within(dialog).getByRole('button', { name: 'Assign' }));
    expect(sent).toEqual([
      { name: 'AssignMember', variables: { input: { memberId: 'm2', clientId: 'c1', role: 'COLLABORATOR', permissions: ['VIEW_COMPANY'], endsAt: endOfDayIso('2020-01-31') } } },
    ]);
    await within(dialog).findByText('The end date must be in the future.');
    expect(endsAt.getAttribute('aria-invalid')).toBe('true');
    expect(within(dialog).queryByRole('alert')).toBeNull(); // not as a general error: at the field
    expect(closed).toBe(false);
  });

  it('F10: editing an access removes its end date', async () => {
    const { client, sent } = clientAnswering({ UpdateAssignment: { data: { updateAssignment: { role: 'COLLABORATOR', permissions: ['VIEW_COMPANY'], effectivePermissions: ['VIEW_COMPANY'], endsAt: null } } } });
    render(
      <Provider value={client}>
        <EditAssignmentDialog clientId="c1" memberId="m2" name="Morgan Member" initial={{ role: 'COLLABORATOR', permissions: ['VIEW_COMPANY'], endsAt: endOfDayIso('2026-12-31') }} onClose={() => undefined} />
      </Provider>,
    );
    const dialog = screen.getByRole('dialog', { name: "Edit Morgan Member's access" });
    const endsAt = within(dialog).getByLabelText('Access ends on (optional)') as HTMLInputElement;
    expect(endsAt.value).toBe('2026-12-31');
    const user = userEvent.setup({ delay: null });
    await user.clear(endsAt);
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(sent).toEqual([{ name: 'UpdateAssignment', variables: { input: { clientId: 'c1', memberId: 'm2', role: 'COLLABORATOR', permissions: ['VIEW_COMPANY'], endsAt: null } } }]);
  });
});

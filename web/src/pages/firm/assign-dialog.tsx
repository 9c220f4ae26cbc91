import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { Button, Dialog, DialogActions, DialogContent, DialogTitle, MenuItem, Stack, TextField } from '@mui/material';
import { graphql } from '../../gql';
import type { ClientPermission, ClientRole } from '../../gql/graphql';
import { formErrors } from '../../api/errors';
import { ApiError } from '../../components/feedback';
import { PermissionPicker } from '../../components/permission-picker';
import { ClientPicker, type PickedClient } from '../../components/client-picker';
import { END_DATE_ERROR_FIELDS, EndDateField, dateInputValue, endOfDayIso, endsAtChange } from '../../components/end-date-field';
import { CLIENT_PERMISSIONS, CLIENT_PERMISSION_LABEL } from '../../labels';

const AssignMember = graphql(`
  mutation AssignMember($input: AssignMemberInput!) {
    assignMember(input: $input) {
      role
      permissions
      effectivePermissions
      endsAt
      client {
        id
      }
      member {
        id
      }
    }
  }
`);

const UpdateAssignment = graphql(`
  mutation UpdateAssignment($input: UpdateAssignmentInput!) {
    updateAssignment(input: $input) {
      role
      permissions
      effectivePermissions
      endsAt
    }
  }
`);

const ASSIGN_ERROR_FIELDS: Record<string, string> = {
  ALREADY_ASSIGNED: 'target',
  NOT_A_FIRM_MEMBER: 'target',
  CLIENT_NOT_LINKED_TO_FIRM: 'target',
  ...END_DATE_ERROR_FIELDS,
};

export interface AssignOption {
  id: string;
  label: string;
  /** What the client grants the firm: an assignment can give no more (SPEC C3). */
  linkPermissions?: readonly ClientPermission[];
}

/**
 * SPEC C3: assign from the client view (client → member, "Assign firm member": the firm's members
 * as `options`) or the team view (member → client, "Assign client": the firm's clients picked by
 * searching the API page by page, without `excludeClients`): who, which permissions, and the
 * client role (SPEC C5).
 */
export function AssignDialog({
  title,
  targetLabel,
  options,
  excludeClients,
  fixed,
  fixedLinkPermissions,
  onClose,
}: {
  title: string;
  targetLabel: string;
  options?: AssignOption[];
  /** For member → client: clients not to offer (already assigned). */
  excludeClients?: (clientId: string) => boolean;
  fixed: { clientId: string } | { memberId: string };
  fixedLinkPermissions?: readonly ClientPermission[];
  onClose: (assigned: boolean) => void;
}) {
  const [picked, setPicked] = useState<PickedClient | null>(null);
  const [chosen, setTarget] = useState('');
  const target = options ? chosen : (picked?.id ?? '');
  const [role, setRole] = useState<ClientRole>('COLLABORATOR');
  const [permissions, setPermissions] = useState<ClientPermission[]>([]);
  const [endDate, setEndDate] = useState('');
  const [result, assign] = useMutation(AssignMember);
  const errors = formErrors(result.error, ASSIGN_ERROR_FIELDS, { memberId: 'target', clientId: 'target' });
  const limit = fixedLinkPermissions ?? (options ? options.find((o) => o.id === target)?.linkPermissions : picked?.linkPermissions);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const ids = 'clientId' in fixed ? { clientId: fixed.clientId, memberId: target } : { memberId: fixed.memberId, clientId: target };
    const r = await assign({ input: { ...ids, role, permissions, ...(endDate ? { endsAt: endOfDayIso(endDate) } : {}) } });
    if (r.data) onClose(true);
  };
  return (
    <Dialog open onClose={() => onClose(false)} maxWidth="sm" fullWidth aria-labelledby="assign-title">
      <form onSubmit={submit} noValidate aria-label={title}>
        <DialogTitle id="assign-title">{title}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            {options ? (
              <TextField
                select
                id="assign-target"
                label={targetLabel}
                value={target}
                onChange={(e) => setTarget(e.target.value)}
                error={Boolean(errors.fields.target)}
                helperText={errors.fields.target ?? (options.length === 0 ? 'There is nobody left to assign.' : undefined)}
              >
                {options.map((o) => (
                  <MenuItem key={o.id} value={o.id}>
                    {o.label}
                  </MenuItem>
                ))}
              </TextField>
            ) : (
              <ClientPicker id="assign-target" label={targetLabel} exclude={excludeClients} value={picked} onChange={setPicked} error={Boolean(errors.fields.target)} helperText={errors.fields.target} />
            )}
            <TextField select id="assign-role" label="Client role" value={role} onChange={(e) => setRole(e.target.value as ClientRole)}>
              <MenuItem value="COLLABORATOR">Collaborator</MenuItem>
              <MenuItem value="RESPONSIBLE">Responsible</MenuItem>
            </TextField>
            <PermissionPicker
              label="Permissions on this client"
              options={CLIENT_PERMISSIONS}
              labels={CLIENT_PERMISSION_LABEL}
              value={permissions}
              onChange={setPermissions}
              limitTo={limit}
              error={errors.fields.permissions}
            />
            <EndDateField value={endDate} onChange={setEndDate} errors={errors} />
            <ApiError messages={errors.general} />
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => onClose(false)}>Cancel</Button>
          <Button type="submit" variant="contained" disabled={!target || result.fetching}>
            Assign
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}

/** SPEC C3, C5, F10: change an assignment's permissions, role or end date. */
export function EditAssignmentDialog({
  clientId,
  memberId,
  name,
  initial,
  linkPermissions,
  onClose,
}: {
  clientId: string;
  memberId: string;
  name: string;
  initial: { role: ClientRole; permissions: readonly ClientPermission[]; endsAt?: string | null };
  linkPermissions?: readonly ClientPermission[];
  onClose: (changed: boolean) => void;
}) {
  const [role, setRole] = useState<ClientRole>(initial.role);
  const [permissions, setPermissions] = useState<ClientPermission[]>([...initial.permissions]);
  const [endDate, setEndDate] = useState(dateInputValue(initial.endsAt));
  const [result, update] = useMutation(UpdateAssignment);
  const errors = formErrors(result.error, END_DATE_ERROR_FIELDS);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const r = await update({ input: { clientId, memberId, role, permissions, ...endsAtChange(initial.endsAt, endDate) } });
    if (r.data) onClose(true);
  };
  return (
    <Dialog open onClose={() => onClose(false)} maxWidth="sm" fullWidth aria-labelledby="edit-assignment-title">
      <form onSubmit={submit} noValidate aria-label="Edit assignment">
        <DialogTitle id="edit-assignment-title">Edit {name}'s access</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            <TextField select id="edit-role" label="Client role" value={role} onChange={(e) => setRole(e.target.value as ClientRole)}>
              <MenuItem value="COLLABORATOR">Collaborator</MenuItem>
              <MenuItem value="RESPONSIBLE">Responsible</MenuItem>
            </TextField>
            <PermissionPicker
              label="Permissions on this client"
              options={CLIENT_PERMISSIONS}
              labels={CLIENT_PERMISSION_LABEL}
              value={permissions}
              onChange={setPermissions}
              limitTo={linkPermissions}
              error={errors.fields.permissions}
            />
            <EndDateField value={endDate} onChange={setEndDate} errors={errors} id="edit-endsAt" />
            <ApiError messages={errors.general} />
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => onClose(false)}>Cancel</Button>
          <Button type="submit" variant="contained" disabled={result.fetching}>
            Save
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}

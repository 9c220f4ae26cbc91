import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { Autocomplete, Button, Dialog, DialogActions, DialogContent, DialogTitle, MenuItem, Stack, TextField } from '@mui/material';
import { graphql } from '../../gql';
import type { FirmPermission, FirmRole } from '../../gql/graphql';
import { formErrors } from '../../api/errors';
import { useFields } from '../../components/form';
import { ApiError } from '../../components/feedback';
import { PermissionPicker } from '../../components/permission-picker';
import { FIRM_PERMISSIONS, FIRM_PERMISSION_LABEL, JOB_ROLES } from '../../labels';

const InviteMember = graphql(`
  mutation InviteMember($input: InviteMemberInput!) {
    inviteMember(input: $input) {
      id
      email
      status
      expiresAt
    }
  }
`);

const UpdateMember = graphql(`
  mutation UpdateMember($input: UpdateMemberInput!) {
    updateMember(input: $input) {
      id
      jobRole
      firmRole
      permissions
    }
  }
`);

const MEMBER_ERROR_FIELDS: Record<string, string> = {
  FIRM_DOMAIN_NOT_ALLOWED: 'email',
  MEMBER_EMAIL_TAKEN: 'email',
  MEMBER_INVITATION_ALREADY_PENDING: 'email',
  ADMIN_REQUIRED: 'permissions',
};

/** What each firm role means (SPEC F6, G3); only an ADMIN gives or takes ADMIN and ANALYST. */
const FIRM_ROLE_HELP: Record<FirmRole, string> = {
  MEMBER: 'Does what the permissions below allow.',
  ADMIN: 'An admin holds every permission. Only an admin can make another admin.',
  ANALYST: 'Reads every client, the key figures and the reports; changes nothing. Only an admin can make an analyst.',
};

/** Only a MEMBER's firm permissions are chosen: an ADMIN holds all, an ANALYST only reads. */
export const chosenPermissions = (firmRole: FirmRole, permissions: FirmPermission[]) => (firmRole === 'MEMBER' ? permissions : []);

function RoleFields({
  jobRole,
  setJobRole,
  firmRole,
  setFirmRole,
  permissions,
  setPermissions,
  isAdmin,
  errors,
}: {
  jobRole: string;
  setJobRole: (v: string) => void;
  firmRole: FirmRole;
  setFirmRole: (v: FirmRole) => void;
  permissions: FirmPermission[];
  setPermissions: (v: FirmPermission[]) => void;
  isAdmin: boolean;
  errors: ReturnType<typeof formErrors>;
}) {
  return (
    <>
      <Autocomplete
        freeSolo
        options={JOB_ROLES}
        inputValue={jobRole}
        onInputChange={(_, value) => setJobRole(value)}
        renderInput={(params) => (
          <TextField {...params} id="jobRole" label="Job role" required error={Boolean(errors.fields.jobRole)} helperText={errors.fields.jobRole} />
        )}
      />
      <TextField
        select
        id="firmRole"
        label="Firm role"
        value={firmRole}
        onChange={(e) => setFirmRole(e.target.value as FirmRole)}
        error={Boolean(errors.fields.firmRole)}
        helperText={errors.fields.firmRole ?? FIRM_ROLE_HELP[firmRole]}
      >
        <MenuItem value="MEMBER">Member</MenuItem>
        <MenuItem value="ADMIN" disabled={!isAdmin}>
          Admin
        </MenuItem>
        <MenuItem value="ANALYST" disabled={!isAdmin}>
          Analyst (read-only)
        </MenuItem>
      </TextField>
      {firmRole === 'MEMBER' && (
        <PermissionPicker
          label="Firm permissions"
          options={FIRM_PERMISSIONS}
          labels={FIRM_PERMISSION_LABEL}
          value={permissions}
          onChange={setPermissions}
          limitTo={isAdmin ? undefined : FIRM_PERMISSIONS.filter((p) => p !== 'VIEW_ALL_CLIENTS')}
          error={errors.fields.permissions}
        />
      )}
    </>
  );
}

/** SPEC F5: "Add member": name, email on the firm's domain, role and firm permissions. */
export function AddMemberDialog({ open, onClose, isAdmin, domain }: { open: boolean; onClose: (sent: boolean) => void; isAdmin: boolean; domain: string }) {
  const form = useFields({ firstName: '', lastName: '', email: '' });
  const [jobRole, setJobRole] = useState('');
  const [firmRole, setFirmRole] = useState<FirmRole>('MEMBER');
  const [permissions, setPermissions] = useState<FirmPermission[]>([]);
  const [result, invite] = useMutation(InviteMember);
  const errors = formErrors(result.error, MEMBER_ERROR_FIELDS);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const r = await invite({ input: { ...form.values, jobRole, firmRole, permissions: chosenPermissions(firmRole, permissions) } });
    if (r.data) {
      form.reset();
      setJobRole('');
      setPermissions([]);
      onClose(true);
    }
  };
  return (
    <Dialog open={open} onClose={() => onClose(false)} maxWidth="sm" fullWidth aria-labelledby="add-member-title">
      <form onSubmit={submit} noValidate aria-label="Add member">
        <DialogTitle id="add-member-title">Add member</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            <Stack direction="row" spacing={2}>
              <TextField label="First name" required autoFocus {...form.bind('firstName', errors)} />
              <TextField label="Last name" required {...form.bind('lastName', errors)} />
            </Stack>
            <TextField label="Work email" type="email" required {...form.bind('email', errors, `On your firm's domain, @${domain}.`)} />
            <RoleFields {...{ jobRole, setJobRole, firmRole, setFirmRole, permissions, setPermissions, isAdmin, errors }} />
            <ApiError messages={errors.general} />
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => onClose(false)}>Cancel</Button>
          <Button type="submit" variant="contained" disabled={result.fetching}>
            Send invite
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}

export interface EditableMember {
  id: string;
  firstName: string;
  lastName: string;
  jobRole: string;
  firmRole: FirmRole;
  permissions: FirmPermission[];
}

/** SPEC F6, G3: change a member's job role, firm role (an ADMIN makes or unmakes an ANALYST) or permissions. */
export function EditMemberDialog({ member, onClose, isAdmin }: { member: EditableMember; onClose: () => void; isAdmin: boolean }) {
  const [jobRole, setJobRole] = useState(member.jobRole);
  const [firmRole, setFirmRole] = useState<FirmRole>(member.firmRole);
  const [permissions, setPermissions] = useState<FirmPermission[]>(member.permissions);
  const [result, update] = useMutation(UpdateMember);
  const errors = formErrors(result.error, MEMBER_ERROR_FIELDS);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const r = await update({ input: { memberId: member.id, jobRole, firmRole, ...(firmRole === 'MEMBER' ? { permissions } : {}) } });
    if (r.data) onClose();
  };
  return (
    <Dialog open onClose={onClose} maxWidth="sm" fullWidth aria-labelledby="edit-member-title">
      <form onSubmit={submit} noValidate aria-label="Edit member">
        <DialogTitle id="edit-member-title">
          Edit {member.firstName} {member.lastName}
        </DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            <RoleFields {...{ jobRole, setJobRole, firmRole, setFirmRole, permissions, setPermissions, isAdmin, errors }} />
            <ApiError messages={errors.general} />
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="contained" disabled={result.fetching}>
            Save
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}

import type { ReactNode } from 'react';
import { MeProvider } from '../components/layout';
import type { FirmPermission, FirmRole } from '../gql/graphql';

/** `me` as the API describes a member (an ADMIN and an ANALYST get the permissions the firms service gives them). */
export function member(firmRole: FirmRole, permissions: FirmPermission[] = []) {
  const held: FirmPermission[] =
    firmRole === 'ADMIN' ? ['MANAGE_FIRM', 'MANAGE_MEMBERS', 'MANAGE_CLIENTS', 'ASSIGN_CLIENTS', 'VIEW_ALL_CLIENTS'] : firmRole === 'ANALYST' ? ['VIEW_ALL_CLIENTS'] : permissions;
  return { id: 'me', firstName: 'Avery', lastName: 'Signed-In', workEmail: 'avery@ledger.example', firmRole, permissions: held };
}

/** Screens rendered as if under the firm layout, signed in as `me`. */
export function SignedInAs({ me, children }: { me: ReturnType<typeof member>; children: ReactNode }) {
  return <MeProvider value={{ me, firmName: 'Ledger & Co' }}>{children}</MeProvider>;
}

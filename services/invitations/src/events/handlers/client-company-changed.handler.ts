import { handleEvent } from '@advisor/kit';
import { clientCompanyChanged } from '@advisor/schema';
import type { InvitationsDomain } from '../../domain';

/** SPEC I3: the directory that firm requests are matched against, and whose admins are told. */
export const clientCompanyChangedHandler = (domain: InvitationsDomain) =>
  handleEvent(clientCompanyChanged, (em, payload) => domain.replicas.applyClientCompanyChanged(em, payload));

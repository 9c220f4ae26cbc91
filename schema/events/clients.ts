import { z } from 'zod';
import { defineEvent } from './contract';
import { clientGrantedPermissionSchema } from './permissions';

/** A firm became the linked accountant firm of a client company (SPEC C2). */
export const clientLinked = defineEvent({
  name: 'client.linked',
  version: 1,
  producer: 'clients',
  payload: z.object({
    linkId: z.string().uuid(),
    clientId: z.string().uuid(),
    firmId: z.string().uuid(),
    permissions: z.array(clientGrantedPermissionSchema),
    linkedAt: z.string().datetime({ offset: true }),
    /** The invitation whose acceptance created the link, when there was one. */
    invitationId: z.string().uuid().nullable(),
  }),
  keyOf: (p) => p.clientId,
});

/**
 * This service's copy of which firm each client is linked to (SPEC C2: at most one), the kit's
 * link copy. Here an accepted invitation also writes an unconfirmed claim at once (its `link_id`
 * is the invitation's id), so the link counts before the clients service has made it: SPEC I2
 * refuses new invitations and acceptances while a row holds.
 */
export { ClientLinkCopyEntity as ClientLinkEntity, EndedLinkEntity } from '@advisor/kit';

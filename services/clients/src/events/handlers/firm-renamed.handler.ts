import { handleEvent } from '@advisor/kit';
import { firmRenamed } from '@advisor/schema';
import type { ClientsDomain } from '../../domain';

/** Issue 13: the firm's name beside the roster copy, shown on its clients' firm links. */
export const firmRenamedHandler = (domain: ClientsDomain) =>
  handleEvent(firmRenamed, (em, payload) => domain.roster.applyFirmRenamed(em, payload));

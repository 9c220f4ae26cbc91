import { applyClientLinkedToCopy, applyClientUnlinkedToCopy, handleEvent } from '@advisor/kit';
import { clientLinked, clientUnlinked } from '@advisor/schema';

/** Keeps the firms service's copy of client links (who may see which firm, SPEC C2). */
export const clientLinkedHandler = handleEvent(clientLinked, applyClientLinkedToCopy);
export const clientUnlinkedHandler = handleEvent(clientUnlinked, applyClientUnlinkedToCopy);

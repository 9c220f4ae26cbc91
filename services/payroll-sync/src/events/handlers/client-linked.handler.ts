import { handleEvent } from '@advisor/kit';
import { clientLinked, clientUnlinked } from '@advisor/schema';
import type { TimeTrackingService } from '../../domain/time-tracking.service';

export const clientLinkedHandler = (timeTracking: TimeTrackingService) =>
  handleEvent(clientLinked, (em, payload) => timeTracking.applyClientLinked(em, payload));

export const clientUnlinkedHandler = (timeTracking: TimeTrackingService) =>
  handleEvent(clientUnlinked, (em, payload) => timeTracking.applyClientUnlinked(em, payload));

import type { AccessTokenIssuer, Clock, Database } from '@advisor/kit';
import { DirectoryService } from './directory.service';
import { FirmSignUpService } from './firm-signup.service';
import { SessionService } from './session.service';

export interface FirmsDomain {
  signUp: FirmSignUpService;
  sessions: SessionService;
  directory: DirectoryService;
}

export function createFirmsDomain(db: Database, issuer: AccessTokenIssuer, clock: Clock): FirmsDomain {
  return {
    signUp: new FirmSignUpService(db, clock),
    sessions: new SessionService(db, issuer, clock),
    directory: new DirectoryService(db),
  };
}

import { forbidden, unauthenticated, type Database, type Identity } from '@advisor/kit';
import { listAudit, type AuditEntry } from '@advisor/rules';

/** SPEC G4: firm admins read their firm's trail, client admins their company's. */
export class ClientAuditService {
  constructor(private readonly db: Database) {}

  async list(viewer: Identity, first: number): Promise<AuditEntry[]> {
    if (viewer.realm === 'anonymous') throw unauthenticated();
    if (viewer.realm === 'client') return listAudit(this.db, { scopeType: 'CLIENT', scopeId: viewer.clientId }, { first });
    if (viewer.realm !== 'firm' || viewer.firmRole !== 'ADMIN') throw forbidden('Only firm admins can read the audit trail.');
    return listAudit(this.db, { scopeType: 'FIRM', scopeId: viewer.firmId }, { first });
  }
}

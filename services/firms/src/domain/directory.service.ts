import { In } from 'typeorm';
import { type Database, type Identity } from '@advisor/kit';
import { ClientLinkCopyEntity, firmInView } from '@advisor/rules';
import { MemberEntity } from '../db/entities/member.entity';
import { FirmEntity } from '../db/entities/firm.entity';
import { toFirm, toMember, type Firm, type Member } from './member';

/**
 * Reads of firms and members, authorized here rather than in resolvers: a firm member sees
 * their own firm and its members; a client admin sees the firm linked to their company and its
 * people (who has access to the company's data); nobody else sees anything. Batched: a fixed
 * number of statements per call, whatever the number of ids (the loaders call these).
 */
export class DirectoryService {
  constructor(private readonly db: Database) {}

  async membersByIds(ids: readonly string[], viewer: Identity): Promise<Array<Member | null>> {
    const firmId = await this.visibleFirmOf(viewer);
    if (!firmId || ids.length === 0) return ids.map(() => null);
    const rows = await this.db.manager.find(MemberEntity, { where: { id: In([...ids]), firmId } });
    const byId = new Map(rows.map((r) => [r.id, toMember(r)]));
    return ids.map((id) => byId.get(id) ?? null);
  }

  /**
   * The firms of members the viewer has already been allowed to see (a member's own session,
   * or a member resolved through `membersByIds`): visibility follows the member.
   */
  async firmsOfVisibleMembers(firmIds: readonly string[]): Promise<Array<Firm | null>> {
    const rows = firmIds.length ? await this.db.manager.find(FirmEntity, { where: { id: In([...firmIds]) } }) : [];
    const byId = new Map(rows.map((r) => [r.id, toFirm(r)]));
    return firmIds.map((id) => byId.get(id) ?? null);
  }

  async firmsByIds(ids: readonly string[], viewer: Identity): Promise<Array<Firm | null>> {
    const firmId = await this.visibleFirmOf(viewer);
    const visible = ids.filter((id) => id === firmId);
    const rows = visible.length ? await this.db.manager.find(FirmEntity, { where: { id: In(visible) } }) : [];
    const byId = new Map(rows.map((r) => [r.id, toFirm(r)]));
    return ids.map((id) => byId.get(id) ?? null);
  }

  /** The one firm the viewer may look into: their own, or the one linked to their company (the shared rule). */
  private visibleFirmOf(viewer: Identity): Promise<string | null> {
    return firmInView(viewer, async (clientId) => (await this.db.manager.findOne(ClientLinkCopyEntity, { where: { clientId } }))?.firmId ?? null);
  }
}

import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * SPEC I5, F3: a client invited this address (copied from `accountant.invited`). A firm signed up
 * by that address with the invitation's link (`signUpProofOf(token)` equal to `proofHash`) needs
 * no confirmation email: the invitation email already proved the address. Used once.
 */
@Entity('sign_up_proofs')
export class SignUpProofEntity {
  @PrimaryColumn({ name: 'proof_hash', type: 'varchar', length: 64 })
  proofHash: string;

  @Column({ name: 'invitation_id', type: 'varchar', length: 36 })
  invitationId: string;

  /** Lower-case. */
  @Column({ type: 'varchar', length: 320 })
  email: string;

  @Column({ name: 'expires_at', type: 'datetime', precision: 3 })
  expiresAt: Date;

  @Column({ name: 'used_at', type: 'datetime', precision: 3, nullable: true })
  usedAt: Date | null;
}

import { Column, Entity, PrimaryColumn } from 'typeorm';

/** SPEC C8: the onboarding steps of a new Payroll client and when each was completed. */
@Entity('onboarding_steps')
export class OnboardingStepEntity {
  @PrimaryColumn({ name: 'client_id', type: 'varchar', length: 36 })
  clientId: string;

  @PrimaryColumn({ type: 'varchar', length: 32 })
  step: string;

  @Column({ name: 'completed_at', type: 'datetime', precision: 3, nullable: true })
  completedAt: Date | null;

  @Column({ name: 'completed_by', type: 'varchar', length: 36, nullable: true })
  completedBy: string | null;
}

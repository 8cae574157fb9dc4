import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { ProgramPolicy } from '../../../domain/src/index.js';

export interface KpiRow {
  name: string;
  unit: string;
  baseline: number;
  target: number;
}
export interface ObjectiveRow {
  title: string;
  kpis: KpiRow[];
}

/** Read model of a program, projected from its events in the same transaction as the append. */
@Entity({ name: 'programs' })
export class ProgramReadModelEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  @Index('ix_programs_owner')
  @Column({ name: 'owner_id', type: 'text' })
  ownerId!: string;

  @Index('ix_programs_sponsor')
  @Column({ name: 'sponsor_id', type: 'text' })
  sponsorId!: string;

  @Column({ type: 'text' })
  phase!: string;

  @Column({ type: 'jsonb' })
  objectives!: ObjectiveRow[];

  @Column({ name: 'steering_group', type: 'text', array: true, default: () => "'{}'" })
  steeringGroup!: string[];

  @Column({ name: 'key_success_factors', type: 'jsonb', default: () => "'[]'" })
  keySuccessFactors!: string[];

  /** The program's own policy (mentorship cadences, review cadence, matching weights); null = defaults. */
  @Column({ type: 'jsonb', nullable: true })
  policy!: ProgramPolicy | null;

  @Column({ name: 'launch_approved_at', type: 'timestamptz', nullable: true })
  launchApprovedAt!: Date | null;

  @Column({ name: 'workflow_id', type: 'text' })
  workflowId!: string;

  @Column({ type: 'integer' })
  version!: number;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

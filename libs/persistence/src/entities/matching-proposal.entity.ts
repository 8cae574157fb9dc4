import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { MatchingRequest, ProposalStatus } from '../../../domain/src/index.js';

/** One solved (or failed) matching proposal of a program cycle, with its explained result. */
@Entity({ name: 'matching_proposals' })
export class MatchingProposalEntity {
  @PrimaryColumn({ name: 'program_id', type: 'uuid' })
  programId!: string;

  @PrimaryColumn({ type: 'integer' })
  version!: number;

  @Column({ type: 'text' })
  status!: ProposalStatus;

  @Column({ type: 'jsonb' })
  request!: MatchingRequest;

  @Column({ type: 'jsonb', nullable: true })
  result!: unknown;

  @Column({ type: 'text', nullable: true })
  failure!: string | null;

  @Column({ name: 'requested_by', type: 'text' })
  requestedBy!: string;

  @Column({ name: 'requested_at', type: 'timestamptz' })
  requestedAt!: Date;

  @Column({ name: 'solved_at', type: 'timestamptz', nullable: true })
  solvedAt!: Date | null;

  @Column({ type: 'boolean', default: false })
  approved!: boolean;
}

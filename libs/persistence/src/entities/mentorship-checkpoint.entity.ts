import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { CheckpointDecision } from '../../../domain/src/index.js';

/**
 * A supervision checkpoint, one row each, for SQL reporting outside the product. The API reads
 * checkpoints from the mentorship's state snapshot, never from here: one source per fact.
 */
@Entity({ name: 'mentorship_checkpoints' })
export class MentorshipCheckpointEntity {
  @PrimaryColumn({ name: 'mentorship_id', type: 'uuid' })
  mentorshipId!: string;

  @PrimaryColumn({ type: 'integer' })
  checkpoint!: number;

  @Column({ name: 'opened_at', type: 'timestamptz' })
  openedAt!: Date;

  @Column({ type: 'text', nullable: true })
  decision!: CheckpointDecision | null;

  @Column({ type: 'text', nullable: true })
  guidance!: string | null;

  @Column({ name: 'decided_by', type: 'text', nullable: true })
  decidedBy!: string | null;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;
}

import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { GoalCompetency, MentorshipPhase, MentorshipState, RoiEvidence } from '../../../domain/src/index.js';

/**
 * Read model of a mentorship, projected from its stream in the append's transaction. `state` is
 * the workflow's own fold of the stream (the one source for everything the state holds); the other
 * columns are what lists filter and sort on.
 */
@Entity({ name: 'mentorships' })
export class MentorshipEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Index('ix_mentorships_program_id')
  @Column({ name: 'program_id', type: 'uuid' })
  programId!: string;

  @Index('ix_mentorships_mentee_id')
  @Column({ name: 'mentee_id', type: 'text' })
  menteeId!: string;

  @Index('ix_mentorships_mentor_id')
  @Column({ name: 'mentor_id', type: 'text' })
  mentorId!: string;

  @Index('ix_mentorships_supervisor_id')
  @Column({ name: 'supervisor_id', type: 'text' })
  supervisorId!: string;

  @Index('ix_mentorships_owner_id')
  @Column({ name: 'owner_id', type: 'text' })
  ownerId!: string;

  @Column({ type: 'text' })
  phase!: MentorshipPhase;

  @Column({ name: 'workflow_id', type: 'text', unique: true })
  workflowId!: string;

  @Column({ type: 'integer' })
  version!: number;

  @Column({ type: 'integer', default: 0 })
  sessions!: number;

  @Column({ name: 'session_minutes', type: 'integer', default: 0 })
  sessionMinutes!: number;

  @Column({ name: 'last_session_at', type: 'timestamptz', nullable: true })
  lastSessionAt!: Date | null;

  @Column({ name: 'reminders_sent', type: 'integer', default: 0 })
  remindersSent!: number;

  @Column({ type: 'integer', default: 0 })
  escalations!: number;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  goals!: GoalCompetency[];

  @Column({ type: 'jsonb', nullable: true })
  roi!: RoiEvidence | null;

  @Column({ name: 'termination_reason', type: 'text', nullable: true })
  terminationReason!: string | null;

  /** Null only for rows written before the column existed and untouched since. */
  @Column({ type: 'jsonb', nullable: true })
  state!: MentorshipState | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A session the mentor logged; private notes reach their author only (the reader filters them). */
@Entity({ name: 'mentorship_sessions' })
export class MentorshipSessionEntity {
  @PrimaryColumn({ name: 'mentorship_id', type: 'uuid' })
  mentorshipId!: string;

  @PrimaryColumn({ name: 'session_id', type: 'text' })
  sessionId!: string;

  @Column({ name: 'held_at', type: 'timestamptz' })
  heldAt!: Date;

  @Column({ type: 'integer' })
  minutes!: number;

  @Column({ type: 'text', array: true })
  topics!: string[];

  @Column({ type: 'text', array: true })
  competencies!: string[];

  @Column({ name: 'shared_notes', type: 'text', nullable: true })
  sharedNotes!: string | null;

  @Column({ name: 'private_notes', type: 'text', nullable: true })
  privateNotes!: string | null;

  @Column({ name: 'author_id', type: 'text' })
  authorId!: string;

  @Column({ name: 'logged_at', type: 'timestamptz' })
  loggedAt!: Date;
}

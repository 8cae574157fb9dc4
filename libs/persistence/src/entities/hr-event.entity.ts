import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** An HR event as received; the source id makes a redelivery a no-op. */
@Entity({ name: 'hr_events' })
export class HrEventEntity {
  @PrimaryColumn({ name: 'source_id', type: 'text' })
  sourceId!: string;

  @Column({ type: 'text' })
  type!: string;

  @Column({ name: 'person_id', type: 'text' })
  personId!: string;

  @Column({ type: 'jsonb' })
  payload!: Record<string, unknown>;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt!: Date;

  @Column({ name: 'received_by', type: 'text' })
  receivedBy!: string;

  @Column({ name: 'received_at', type: 'timestamptz', default: () => 'now()' })
  receivedAt!: Date;
}

/** A suggestion that a person join the next cycle of a program (from HR events or owners). */
@Entity({ name: 'nominations' })
export class NominationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'person_id', type: 'text' })
  personId!: string;

  @Column({ type: 'text' })
  reason!: string;

  @Column({ name: 'source_event_id', type: 'text', nullable: true })
  sourceEventId!: string | null;

  @Column({ type: 'text' })
  status!: 'suggested' | 'enrolled' | 'declined';

  @Column({ name: 'program_id', type: 'uuid', nullable: true })
  programId!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}

import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One row of the append-only event log. Rows are never updated or deleted (a trigger refuses it). */
@Entity({ name: 'domain_events' })
@Index('uq_domain_events_stream_version', ['streamId', 'streamVersion'], { unique: true })
export class DomainEventEntity {
  /** Global order of the log; bigint comes back from pg as a string. */
  @PrimaryGeneratedColumn({ type: 'bigint', name: 'position' })
  position!: string;

  @Column({ name: 'stream_id', type: 'text' })
  streamId!: string;

  @Column({ name: 'stream_version', type: 'integer' })
  streamVersion!: number;

  @Column({ type: 'text' })
  type!: string;

  @Column({ type: 'jsonb' })
  payload!: Record<string, unknown>;

  @Column({ name: 'actor_id', type: 'text' })
  actorId!: string;

  @Index('uq_domain_events_idempotency_key', { unique: true })
  @Column({ name: 'idempotency_key', type: 'text' })
  idempotencyKey!: string;

  /** The Update that caused the event, or null for the workflow's own clock (and rows from before). */
  @Column({ name: 'causation_id', type: 'text', nullable: true })
  causationId!: string | null;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt!: Date;

  @Column({ name: 'recorded_at', type: 'timestamptz', default: () => 'now()' })
  recordedAt!: Date;
}

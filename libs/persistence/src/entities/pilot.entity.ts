import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { PilotMentorship } from '../../../domain/src/index.js';

/** An imported pilot: the validated file as it came, analysed on demand by a pure function. */
@Entity({ name: 'pilots' })
export class PilotEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'jsonb' })
  mentorships!: PilotMentorship[];

  @Column({ name: 'imported_by', type: 'text' })
  importedBy!: string;

  @Column({ name: 'imported_at', type: 'timestamptz', default: () => 'now()' })
  importedAt!: Date;
}

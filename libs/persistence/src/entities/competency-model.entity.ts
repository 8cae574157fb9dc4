import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { Competency } from '../../../domain/src/index.js';

export interface CompetencyModelDefinition {
  competencies: Competency[];
  targets: Record<string, Record<string, number>>;
}

/** One immutable version of a competency framework (a trigger refuses updates and deletes). */
@Entity({ name: 'competency_models' })
export class CompetencyModelEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  key!: string;

  @Column({ type: 'integer' })
  version!: number;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'jsonb' })
  definition!: CompetencyModelDefinition;

  @Column({ name: 'created_by', type: 'text' })
  createdBy!: string;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}

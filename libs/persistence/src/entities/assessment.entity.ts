import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity({ name: 'assessments' })
export class AssessmentEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'person_id', type: 'text' })
  personId!: string;

  /** The model version the rating was made under; never rewritten by a newer version. */
  @Column({ name: 'model_id', type: 'uuid' })
  modelId!: string;

  @Column({ name: 'competency_key', type: 'text' })
  competencyKey!: string;

  @Column({ type: 'smallint' })
  level!: number;

  @Column({ type: 'text' })
  source!: string;

  @Column({ type: 'text' })
  context!: string;

  @Column({ type: 'text' })
  evidence!: string;

  @Column({ name: 'assessor_id', type: 'text' })
  assessorId!: string;

  @Column({ name: 'assessed_at', type: 'timestamptz' })
  assessedAt!: Date;

  @Column({ name: 'recorded_at', type: 'timestamptz', default: () => 'now()' })
  recordedAt!: Date;
}

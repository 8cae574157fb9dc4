import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Whether a person's writing may feed de-identified training cases. */
@Entity({ name: 'case_consents' })
export class CaseConsentEntity {
  @PrimaryColumn({ name: 'person_id', type: 'text' })
  personId!: string;

  @Column({ type: 'text' })
  consent!: 'granted' | 'refused';

  @Column({ name: 'recorded_by', type: 'text' })
  recordedBy!: string;

  @Column({ name: 'recorded_at', type: 'timestamptz', default: () => 'now()' })
  recordedAt!: Date;
}

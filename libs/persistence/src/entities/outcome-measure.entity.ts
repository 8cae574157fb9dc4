import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One value of one measure for one person (or the team they lead) and one month, from one source. */
@Entity({ name: 'outcome_measures' })
export class OutcomeMeasureEntity {
  @PrimaryColumn({ type: 'text' })
  source!: string;

  @PrimaryColumn({ name: 'employee_id', type: 'text' })
  employeeId!: string;

  @PrimaryColumn({ name: 'measure_key', type: 'text' })
  measureKey!: string;

  @PrimaryColumn({ type: 'char', length: 7 })
  period!: string;

  @Column({ type: 'text' })
  measure!: string;

  @Column({ type: 'double precision' })
  value!: number;

  @Column({ name: 'imported_by', type: 'text' })
  importedBy!: string;

  @Column({ name: 'imported_at', type: 'timestamptz', default: () => 'now()' })
  importedAt!: Date;
}

import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A person of the company directory, fed by the HR import and HR events. */
@Entity({ name: 'people' })
export class PersonEntity {
  @PrimaryColumn({ type: 'text' })
  id!: string;

  @Column({ name: 'display_name', type: 'text' })
  displayName!: string;

  @Column({ type: 'text', nullable: true })
  email!: string | null;

  @Column({ type: 'text' })
  department!: string;

  @Column({ name: 'manager_id', type: 'text', nullable: true })
  managerId!: string | null;

  @Column({ name: 'job_level', type: 'text' })
  jobLevel!: string;

  /** numeric comes back from pg as a string. */
  @Column({ name: 'management_years', type: 'numeric' })
  managementYears!: string;

  @Column({ name: 'team_size', type: 'integer' })
  teamSize!: number;

  @Column({ type: 'text', array: true })
  languages!: string[];

  @Column({ type: 'text', nullable: true })
  location!: string | null;

  @Column({ name: 'time_zone', type: 'text' })
  timeZone!: string;

  /** date comes back as YYYY-MM-DD text (no time zone shift). */
  @Column({ name: 'hire_date', type: 'date', nullable: true })
  hireDate!: string | null;

  @Column({ type: 'text' })
  status!: 'active' | 'left';

  @Column({ name: 'mentor_pool', type: 'boolean' })
  mentorPool!: boolean;

  @Column({ name: 'left_at', type: 'timestamptz', nullable: true })
  leftAt!: Date | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}

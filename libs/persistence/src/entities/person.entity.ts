import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A person of the company directory (the HR import fills it; the skeleton keeps the minimum). */
@Entity({ name: 'people' })
export class PersonEntity {
  @PrimaryColumn({ type: 'text' })
  id!: string;

  @Column({ name: 'display_name', type: 'text' })
  displayName!: string;

  @Column({ type: 'text', nullable: true })
  email!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}

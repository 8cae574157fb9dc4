import { In, type DataSource } from 'typeorm';
import type { Assessment } from '../../../domain/src/index.js';
import { toAssessment } from '../competency-mapper.js';
import { AssessmentEntity } from '../entities/assessment.entity.js';

/** One stored rating, with who made it under which model version. */
export interface StoredAssessment {
  id: string;
  personId: string;
  modelId: string;
  competencyKey: string;
  level: number;
  source: string;
  context: string;
  evidence: string;
  assessorId: string;
  assessedAt: Date;
}

export type NewAssessment = Omit<StoredAssessment, 'id'>;

/** The one reader and writer of `assessments` (the projector also writes the mentors' levels). */
export class AssessmentQueries {
  constructor(private readonly db: DataSource) {}

  record(a: NewAssessment): Promise<StoredAssessment> {
    return this.db.getRepository(AssessmentEntity).save(a);
  }

  /** A person's ratings, newest first. */
  ofPerson(personId: string): Promise<StoredAssessment[]> {
    return this.db.getRepository(AssessmentEntity).find({ where: { personId }, order: { assessedAt: 'DESC' } });
  }

  /** A person's ratings as the domain reads them. */
  async evidenceOf(personId: string): Promise<Assessment[]> {
    return (await this.db.getRepository(AssessmentEntity).findBy({ personId })).map(toAssessment);
  }

  /** The ratings of these people, as the domain reads them (a cohort's current levels). */
  async evidenceOfPeople(personIds: string[]): Promise<Assessment[]> {
    if (personIds.length === 0) return [];
    return (await this.db.getRepository(AssessmentEntity).findBy({ personId: In(personIds) })).map(toAssessment);
  }

  /** Every rating of everyone, as the domain reads them (company-wide insights). */
  async all(): Promise<Assessment[]> {
    return (await this.db.getRepository(AssessmentEntity).find()).map(toAssessment);
  }

  exists(personId: string): Promise<boolean> {
    return this.db.getRepository(AssessmentEntity).existsBy({ personId });
  }

  /** Each person's latest level per competency, whoever rated it. */
  async latestLevels(personIds: string[]): Promise<Map<string, Record<string, number>>> {
    const rows: Array<{ person_id: string; competency_key: string; level: number }> = await this.db.query(
      `SELECT DISTINCT ON (person_id, competency_key) person_id, competency_key, level FROM assessments
        WHERE person_id = ANY($1) ORDER BY person_id, competency_key, assessed_at DESC`,
      [personIds],
    );
    const levels = new Map<string, Record<string, number>>();
    for (const l of rows) levels.set(l.person_id, { ...(levels.get(l.person_id) ?? {}), [l.competency_key]: l.level });
    return levels;
  }
}

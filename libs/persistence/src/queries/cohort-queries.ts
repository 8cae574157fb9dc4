import { In, type DataSource } from 'typeorm';
import { currentLevels, DEFAULT_MODEL_KEY, type CompetencyModel, type Person } from '../../../domain/src/index.js';
import { toAssessment, toCompetencyModel } from '../competency-mapper.js';
import { AssessmentEntity } from '../entities/assessment.entity.js';
import { CompetencyModelEntity } from '../entities/competency-model.entity.js';
import { PersonEntity } from '../entities/person.entity.js';
import { toPerson } from '../person-mapper.js';

/** What a cycle's training plan is computed from: the cohort's people, their current levels, the model. */
export class CohortQueries {
  constructor(private readonly db: DataSource) {}

  async people(ids: string[]): Promise<Person[]> {
    if (ids.length === 0) return [];
    return (await this.db.getRepository(PersonEntity).findBy({ id: In(ids) })).map(toPerson);
  }

  /** Current level per person and competency, from their weighted assessments. */
  async levels(ids: string[]): Promise<Map<string, Map<string, number>>> {
    if (ids.length === 0) return new Map();
    const rows = await this.db.getRepository(AssessmentEntity).findBy({ personId: In(ids) });
    return currentLevels(rows.map(toAssessment));
  }

  /** The latest version of the default model (the one targets and gaps are read against). */
  async model(): Promise<CompetencyModel | null> {
    const row = await this.db
      .getRepository(CompetencyModelEntity)
      .findOne({ where: { key: DEFAULT_MODEL_KEY }, order: { version: 'DESC' } });
    return row ? toCompetencyModel(row) : null;
  }
}

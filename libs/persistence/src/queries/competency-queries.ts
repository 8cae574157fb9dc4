import type { DataSource } from 'typeorm';
import type { Competency } from '../../../domain/src/index.js';
import { CompetencyModelEntity } from '../entities/competency-model.entity.js';

/** One stored version of a competency model. */
export interface StoredCompetencyModel {
  id: string;
  key: string;
  version: number;
  name: string;
  definition: { competencies: Competency[]; targets: Record<string, Record<string, number>> };
  createdBy: string;
  createdAt: Date;
}

/** Another version of the same model was published at the same moment (the unique key refused this one). */
export class ConcurrentVersionError extends Error {
  constructor(readonly key: string) {
    super(`another version of ${key} was published at the same moment`);
    this.name = 'ConcurrentVersionError';
  }
}

/** The one reader and writer of `competency_models` (versions are immutable; a trigger refuses changes). */
export class CompetencyQueries {
  constructor(private readonly db: DataSource) {}

  /** The latest version of every model, by key. */
  latestModels(): Promise<StoredCompetencyModel[]> {
    return this.db
      .getRepository(CompetencyModelEntity)
      .createQueryBuilder('m')
      .distinctOn(['m.key'])
      .orderBy('m.key')
      .addOrderBy('m.version', 'DESC')
      .getMany();
  }

  /** The given version of a model, or its latest; null when there is none. */
  model(key: string, version?: number): Promise<StoredCompetencyModel | null> {
    const repo = this.db.getRepository(CompetencyModelEntity);
    return version ? repo.findOneBy({ key, version }) : repo.findOne({ where: { key }, order: { version: 'DESC' } });
  }

  /** Stores the next version; a concurrent publisher of the same version gets ConcurrentVersionError. */
  async publish(
    key: string,
    draft: { name: string; definition: StoredCompetencyModel['definition'] },
    createdBy: string,
  ): Promise<StoredCompetencyModel> {
    try {
      return await this.db.transaction(async (tx) => {
        const rows: Array<{ v: number | null }> = await tx.query(
          'SELECT max(version) AS v FROM competency_models WHERE key = $1',
          [key],
        );
        return tx.getRepository(CompetencyModelEntity).save({
          key,
          version: (rows[0]?.v ?? 0) + 1,
          name: draft.name,
          definition: draft.definition,
          createdBy,
        });
      });
    } catch (e) {
      if (
        (e as { driverError?: { constraint?: string } }).driverError?.constraint === 'uq_competency_models_key_version'
      )
        throw new ConcurrentVersionError(key);
      throw e;
    }
  }
}

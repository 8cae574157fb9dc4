import type { Assessment, CompetencyModel } from '../../domain/src/index.js';
import type { AssessmentEntity } from './entities/assessment.entity.js';
import type { CompetencyModelEntity } from './entities/competency-model.entity.js';

export const toCompetencyModel = (e: CompetencyModelEntity): CompetencyModel => ({
  key: e.key,
  version: e.version,
  name: e.name,
  competencies: e.definition.competencies,
  targets: e.definition.targets,
});

/** Source and context are CHECK-constrained in the table, so the casts only restate the schema. */
export const toAssessment = (e: AssessmentEntity): Assessment => ({
  personId: e.personId,
  competencyKey: e.competencyKey,
  level: e.level,
  source: e.source as Assessment['source'],
  context: e.context as Assessment['context'],
  assessedAt: e.assessedAt.toISOString(),
});

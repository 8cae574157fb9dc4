import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import {
  canRecordAssessment,
  canSeePersonalDetails,
  competencyModelProblems,
  currentLevels,
  DEFAULT_MODEL_KEY,
  personGaps,
  type Actor,
  type CompetencyGap,
} from '../../../../libs/domain/src/index.js';
import {
  AssessmentEntity,
  CompetencyModelEntity,
  toAssessment,
  toCompetencyModel,
} from '../../../../libs/persistence/src/index.js';
import { ApiError, badField, forbidden, notFound } from '../http/api-error.js';
import { PeopleService } from '../people/people.service.js';
import { RelationsService } from '../people/relations.service.js';
import { DATA_SOURCE } from '../tokens.js';
import { AssessmentResponse, type RecordAssessmentDto } from './dto/assessment.dto.js';
import { CompetencyModelResponse, type NewCompetencyModelVersionDto } from './dto/competency-model.dto.js';

@Injectable()
export class CompetencyService {
  constructor(
    @Inject(DATA_SOURCE) private readonly db: DataSource,
    private readonly people: PeopleService,
    private readonly relations: RelationsService,
  ) {}

  async latestModels(): Promise<CompetencyModelResponse[]> {
    const rows = await this.db
      .getRepository(CompetencyModelEntity)
      .createQueryBuilder('m')
      .distinctOn(['m.key'])
      .orderBy('m.key')
      .addOrderBy('m.version', 'DESC')
      .getMany();
    return rows.map((r) => CompetencyModelResponse.from(r));
  }

  async model(key: string, version?: number): Promise<CompetencyModelEntity> {
    const repo = this.db.getRepository(CompetencyModelEntity);
    const row = version
      ? await repo.findOneBy({ key, version })
      : await repo.findOne({ where: { key }, order: { version: 'DESC' } });
    if (!row) throw notFound('competency model', version ? `${key} v${version}` : key);
    return row;
  }

  /** A new version never touches the rows of older ones (a trigger also forbids it). */
  async publishVersion(key: string, dto: NewCompetencyModelVersionDto, actor: Actor): Promise<CompetencyModelResponse> {
    const [problem] = competencyModelProblems({
      key,
      name: dto.name,
      competencies: dto.competencies,
      targets: dto.targets,
    });
    if (problem) throw badField(problem.field, problem.message);
    try {
      const saved = await this.db.transaction(async (tx) => {
        const rows: Array<{ v: number | null }> = await tx.query(
          'SELECT max(version) AS v FROM competency_models WHERE key = $1',
          [key],
        );
        return tx.getRepository(CompetencyModelEntity).save({
          key,
          version: (rows[0]?.v ?? 0) + 1,
          name: dto.name,
          definition: { competencies: dto.competencies, targets: dto.targets },
          createdBy: actor.personId,
        });
      });
      return CompetencyModelResponse.from(saved);
    } catch (e) {
      if (
        (e as { driverError?: { constraint?: string } }).driverError?.constraint === 'uq_competency_models_key_version'
      ) {
        throw new ApiError(
          409,
          'COMPETENCY_MODEL.CONCURRENT_VERSION',
          'another version was published at the same moment; retry',
        );
      }
      throw e;
    }
  }

  async record(dto: RecordAssessmentDto, actor: Actor): Promise<AssessmentResponse> {
    const subject = await this.people.find(dto.personId);
    const relations = await this.relations.activeRelations(actor.personId);
    if (!canRecordAssessment(actor, subject, dto.source, relations)) {
      throw forbidden('ASSESSMENT.NOT_ALLOWED', `you may not record a "${dto.source}" assessment of ${dto.personId}`);
    }
    const assessorId = actor.roles.includes('hr-admin') && dto.assessorId ? dto.assessorId : actor.personId;
    if (assessorId !== actor.personId)
      await this.people.find(assessorId).catch(() => {
        throw badField('assessorId', `no person with id "${assessorId}"`);
      });
    const model = await this.model(dto.modelKey ?? DEFAULT_MODEL_KEY, dto.modelVersion);
    if (!model.definition.competencies.some((c) => c.key === dto.competencyKey)) {
      throw badField('competencyKey', `"${dto.competencyKey}" is not a competency of ${model.key} v${model.version}`);
    }
    const saved = await this.db.getRepository(AssessmentEntity).save({
      personId: subject.id,
      modelId: model.id,
      competencyKey: dto.competencyKey,
      level: dto.level,
      source: dto.source,
      context: dto.context,
      evidence: dto.evidence ?? '',
      assessorId,
      assessedAt: dto.assessedAt ? new Date(dto.assessedAt) : new Date(),
    });
    return AssessmentResponse.from(saved);
  }

  async assessmentsOf(personId: string, viewer: Actor): Promise<AssessmentResponse[]> {
    await this.assertCanSee(personId, viewer);
    const rows = await this.db
      .getRepository(AssessmentEntity)
      .find({ where: { personId }, order: { assessedAt: 'DESC' } });
    return rows.map((r) => AssessmentResponse.from(r));
  }

  async gapsOf(
    personId: string,
    viewer: Actor,
    modelKey = DEFAULT_MODEL_KEY,
  ): Promise<{ personId: string; model: string; gaps: CompetencyGap[] }> {
    await this.assertCanSee(personId, viewer);
    const person = await this.people.find(personId);
    const model = toCompetencyModel(await this.model(modelKey));
    const rows = await this.db.getRepository(AssessmentEntity).findBy({ personId });
    const levels = currentLevels(rows.map(toAssessment)).get(personId);
    return { personId, model: `${model.key} v${model.version}`, gaps: personGaps(model, person, levels) };
  }

  private async assertCanSee(personId: string, viewer: Actor): Promise<void> {
    await this.people.find(personId);
    if (!canSeePersonalDetails(viewer, personId, await this.relations.activeRelations(viewer.personId))) {
      throw forbidden(
        'PERSON.PRIVATE',
        `the assessments of ${personId} are visible only to them, HR admins, program owners and their active mentor or supervisor`,
      );
    }
  }
}

import { Injectable } from '@nestjs/common';
import {
  canRecordAssessment,
  competencyModelProblems,
  currentLevels,
  DEFAULT_MODEL_KEY,
  personGaps,
  type Actor,
  type CompetencyGap,
} from '../../../../libs/domain/src/index.js';
import {
  AssessmentQueries,
  CompetencyQueries,
  ConcurrentVersionError,
  MentorshipQueries,
  toCompetencyModel,
  type StoredCompetencyModel,
} from '../../../../libs/persistence/src/index.js';
import { Access } from '../access/access.service.js';
import { ApiError, badField, forbidden, notFound } from '../http/api-error.js';
import { PeopleService } from '../people/people.service.js';
import { AssessmentResponse, type RecordAssessmentDto } from './dto/assessment.dto.js';
import { CompetencyModelResponse, type NewCompetencyModelVersionDto } from './dto/competency-model.dto.js';

@Injectable()
export class CompetencyService {
  constructor(
    private readonly models: CompetencyQueries,
    private readonly assessments: AssessmentQueries,
    private readonly mentorships: MentorshipQueries,
    private readonly people: PeopleService,
    private readonly access: Access,
  ) {}

  async latestModels(): Promise<CompetencyModelResponse[]> {
    return (await this.models.latestModels()).map((r) => CompetencyModelResponse.from(r));
  }

  async model(key: string, version?: number): Promise<StoredCompetencyModel> {
    const row = await this.models.model(key, version);
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
      const saved = await this.models.publish(
        key,
        { name: dto.name, definition: { competencies: dto.competencies, targets: dto.targets } },
        actor.personId,
      );
      return CompetencyModelResponse.from(saved);
    } catch (e) {
      if (e instanceof ConcurrentVersionError) {
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
    const relations = await this.mentorships.activeRelations(actor.personId);
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
    const saved = await this.assessments.record({
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
    return (await this.assessments.ofPerson(personId)).map((r) => AssessmentResponse.from(r));
  }

  async gapsOf(
    personId: string,
    viewer: Actor,
    modelKey = DEFAULT_MODEL_KEY,
  ): Promise<{ personId: string; model: string; gaps: CompetencyGap[] }> {
    await this.assertCanSee(personId, viewer);
    const person = await this.people.find(personId);
    const model = toCompetencyModel(await this.model(modelKey));
    const levels = currentLevels(await this.assessments.evidenceOf(personId)).get(personId);
    return { personId, model: `${model.key} v${model.version}`, gaps: personGaps(model, person, levels) };
  }

  private async assertCanSee(personId: string, viewer: Actor): Promise<void> {
    await this.people.find(personId);
    await this.access.assertPersonalDetails(viewer, personId, 'the assessments');
  }
}

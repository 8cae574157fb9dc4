import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import {
  accessCoverage,
  currentLevels,
  groupGaps,
  mentorCoverage,
  ReportingChains,
  type Person,
} from '../../../../libs/domain/src/index.js';
import {
  AssessmentEntity,
  loadDirectory,
  NominationEntity,
  toAssessment,
  toCompetencyModel,
} from '../../../../libs/persistence/src/index.js';
import { CompetencyService } from '../competencies/competency.service.js';
import { DATA_SOURCE } from '../tokens.js';
import type { AccessQuery, CoverageQuery, GroupGapsQuery } from './insights.query.js';

/** Company-wide views for owners and HR: gaps by group, mentor coverage, who gets access. */
@Injectable()
export class InsightsService {
  constructor(
    @Inject(DATA_SOURCE) private readonly db: DataSource,
    private readonly competencies: CompetencyService,
  ) {}

  private async population(): Promise<{ managers: Person[]; mentors: Person[]; active: Person[] }> {
    const directory = await loadDirectory(this.db);
    const chains = new ReportingChains(directory.values());
    const active = [...directory.values()].filter((p) => p.status === 'active');
    return {
      active,
      managers: active.filter((p) => p.teamSize > 0 || chains.directReportCount(p.id) > 0),
      mentors: active.filter((p) => p.mentorPool),
    };
  }

  private async levels() {
    return currentLevels((await this.db.getRepository(AssessmentEntity).find()).map(toAssessment));
  }

  async groupGaps(query: GroupGapsQuery) {
    const model = toCompetencyModel(await this.competencies.model(query.model));
    const { managers, mentors } = await this.population();
    const people = query.population === 'managers' ? managers : mentors;
    return {
      model: `${model.key} v${model.version}`,
      population: query.population,
      groupBy: query.groupBy,
      rows: groupGaps(model, people, await this.levels(), query.groupBy),
    };
  }

  async coverage(query: CoverageQuery) {
    const model = toCompetencyModel(await this.competencies.model(query.model));
    const { managers, mentors } = await this.population();
    return {
      model: `${model.key} v${model.version}`,
      threshold: query.threshold,
      competencies: mentorCoverage(model, managers, mentors, await this.levels(), query.threshold),
    };
  }

  async access(query: AccessQuery, today: string) {
    const { active } = await this.population();
    const nominations = await this.db.getRepository(NominationEntity).find();
    const nominated = new Set(nominations.filter((n) => n.status !== 'declined').map((n) => n.personId));
    const participating = new Set(nominations.filter((n) => n.status === 'enrolled').map((n) => n.personId));
    const rows = accessCoverage(active, nominated, participating, query.by, today);
    return {
      by: query.by,
      population: active.length,
      withAccess: rows.reduce((n, r) => n + Math.round(r.accessRate * r.population), 0),
      groupsWithoutAccess: rows.filter((r) => r.noAccess).map((r) => r.group),
      rows,
    };
  }

  async nominations() {
    const rows = await this.db.getRepository(NominationEntity).find({ order: { createdAt: 'DESC' } });
    return rows.map((n) => ({
      id: n.id,
      personId: n.personId,
      reason: n.reason,
      status: n.status,
      sourceEventId: n.sourceEventId,
      programId: n.programId,
      createdAt: n.createdAt.toISOString(),
    }));
  }
}

import { Injectable } from '@nestjs/common';
import {
  accessCoverage,
  canSeeNomination,
  currentLevels,
  hasRole,
  SMALLEST_SHOWN_GROUP,
  type Actor,
  groupGaps,
  mentorCoverage,
  ReportingChains,
  type Person,
} from '../../../../libs/domain/src/index.js';
import {
  AssessmentQueries,
  NominationQueries,
  PeopleQueries,
  toCompetencyModel,
} from '../../../../libs/persistence/src/index.js';
import { Access } from '../access/access.service.js';
import { CompetencyService } from '../competencies/competency.service.js';
import type { AccessQuery, CoverageQuery, GroupGapsQuery } from './insights.query.js';

/**
 * Company-wide views for owners and HR: gaps by group, mentor coverage, who gets access. Aggregates
 * reach HR admins whole; an owner gets no averages of a group too small to hide a person in, and
 * the names of strong mentors only among the people of their own programs (the others are counted).
 */
@Injectable()
export class InsightsService {
  constructor(
    private readonly people: PeopleQueries,
    private readonly assessments: AssessmentQueries,
    private readonly nominationQueries: NominationQueries,
    private readonly competencies: CompetencyService,
    private readonly policy: Access,
  ) {}

  private async population(): Promise<{ managers: Person[]; mentors: Person[]; active: Person[] }> {
    const directory = await this.people.directory();
    const chains = new ReportingChains(directory.values());
    const active = [...directory.values()].filter((p) => p.status === 'active');
    return {
      active,
      managers: active.filter((p) => p.teamSize > 0 || chains.directReportCount(p.id) > 0),
      mentors: active.filter((p) => p.mentorPool),
    };
  }

  private async levels() {
    return currentLevels(await this.assessments.all());
  }

  async groupGaps(query: GroupGapsQuery, viewer: Actor) {
    const model = toCompetencyModel(await this.competencies.model(query.model));
    const { managers, mentors } = await this.population();
    const people = query.population === 'managers' ? managers : mentors;
    const whole = hasRole(viewer, 'hr-admin');
    return {
      model: `${model.key} v${model.version}`,
      population: query.population,
      groupBy: query.groupBy,
      rows: groupGaps(model, people, await this.levels(), query.groupBy).map((row) =>
        whole || row.assessed >= SMALLEST_SHOWN_GROUP
          ? row
          : { ...row, averageTarget: null, averageCurrent: null, averageGap: null, short: 0 },
      ),
    };
  }

  async coverage(query: CoverageQuery, viewer: Actor) {
    const model = toCompetencyModel(await this.competencies.model(query.model));
    const { managers, mentors } = await this.population();
    const visible = await this.policy.personalDetailsFilter(viewer);
    return {
      model: `${model.key} v${model.version}`,
      threshold: query.threshold,
      competencies: mentorCoverage(model, managers, mentors, await this.levels(), query.threshold).map((c) => {
        const named = c.mentors.filter((m) => visible(m.personId));
        return { ...c, mentors: named, unnamedMentors: c.mentors.length - named.length };
      }),
    };
  }

  async access(query: AccessQuery, today: string) {
    const { active } = await this.population();
    const nominations = await this.nominationQueries.all();
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

  async nominations(viewer: Actor) {
    const owned = new Set(await this.policy.ownedPrograms(viewer));
    const rows = (await this.nominationQueries.all()).filter((n) => canSeeNomination(viewer, n, owned));
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

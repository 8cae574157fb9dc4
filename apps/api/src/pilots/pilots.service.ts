import { Injectable } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import {
  analysePilot,
  canReadPilot,
  DEFAULT_MODEL_KEY,
  INTERACTION_QUALITY_TEMPLATE,
  pilotImportProblems,
  type Actor,
  type PilotAnalysis,
  type PilotMentorship,
} from '../../../../libs/domain/src/index.js';
import { applyPilotRecommendationsUpdate } from '../../../../libs/contracts/src/index.js';
import { AssessmentQueries, PeopleQueries, PilotQueries } from '../../../../libs/persistence/src/index.js';
import { CompetencyService } from '../competencies/competency.service.js';
import { Access } from '../access/access.service.js';
import { ApiError } from '../http/api-error.js';
import type { ProgramResponse } from '../programs/dto/program.response.js';
import { ProgramsService } from '../programs/programs.service.js';
import { ProgramGateway } from '../workflows/program-gateway.js';
import { SurveysService } from './surveys.service.js';

/** Pilots: imported past mentorships and their evaluation (owners and HR administrators). */
@Injectable()
export class PilotsService {
  constructor(
    private readonly pilots: PilotQueries,
    private readonly people: PeopleQueries,
    private readonly assessments: AssessmentQueries,
    private readonly competencies: CompetencyService,
    private readonly surveys: SurveysService,
    private readonly programs: ProgramsService,
    private readonly programWorkflow: ProgramGateway,
    private readonly access: Access,
  ) {}

  /** All or nothing: every problem of the file with its entry and field, or the stored pilot. */
  async import(
    name: string,
    entries: unknown[],
    actor: Actor,
  ): Promise<{ id: string; name: string; mentorships: number; created: boolean }> {
    const ids = entries
      .flatMap((e) =>
        typeof e === 'object' && e !== null ? [(e as PilotMentorship).mentorId, (e as PilotMentorship).menteeId] : [],
      )
      .filter((x) => typeof x === 'string');
    const people = await this.people.existing(ids);
    const model = await this.competencies.model(DEFAULT_MODEL_KEY);
    const problems = pilotImportProblems(
      entries,
      { people, competencies: new Set(model.definition.competencies.map((c) => c.key)) },
      await this.surveys.template(INTERACTION_QUALITY_TEMPLATE.key),
    );
    if (problems.length > 0) {
      throw new ApiError(
        400,
        'PILOT.INVALID',
        `the pilot file has ${problems.length} problem(s); nothing was imported`,
        undefined,
        { lines: problems.slice(0, 200), totalErrors: problems.length },
      );
    }
    const stored = await this.pilots.insert({
      id: randomUUID(),
      name,
      mentorships: entries,
      importedBy: actor.personId,
      contentSha256: createHash('sha256').update(canonicalJson(entries)).digest('hex'),
    });
    return { id: stored.id, name: stored.name, mentorships: entries.length, created: stored.created };
  }

  /** The pilots this reader may open: all for HR admins, an owner's own imports. */
  async list(
    actor: Actor,
  ): Promise<Array<{ id: string; name: string; mentorships: number; importedBy: string; importedAt: string }>> {
    return (await this.pilots.list()).filter((p) => canReadPilot(actor, p));
  }

  /** A pilot's evaluation (it quotes past mentors and mentees): its importer and HR admins; 404 for others. */
  async analysis(id: string, actor: Actor): Promise<{ pilot: { id: string; name: string }; analysis: PilotAnalysis }> {
    const pilot = this.access.pilot(await this.pilots.find(id), id, actor);
    const mentees = [...new Set(pilot.mentorships.map((m) => m.menteeId))];
    const mentors = [...new Set(pilot.mentorships.map((m) => m.mentorId))];
    const profiles = await this.people.profilesOf([...mentees, ...mentors]);
    const model = await this.competencies.model(DEFAULT_MODEL_KEY);
    const analysis = analysePilot(pilot.mentorships, {
      model: {
        key: model.key,
        version: model.version,
        name: model.name,
        competencies: model.definition.competencies,
        targets: model.definition.targets,
      },
      jobLevels: new Map(profiles.filter((p) => p.jobLevel).map((p) => [p.id, p.jobLevel])),
      managementYears: new Map(profiles.map((p) => [p.id, p.managementYears])),
      mentorLevels: await this.assessments.latestLevels(mentors),
    });
    return { pilot: { id: pilot.id, name: pilot.name }, analysis };
  }

  /** The owner applies a pilot's recommended weights and training focus to a program being planned. */
  async applyToProgram(programId: string, pilotId: string, actor: Actor, key?: string): Promise<ProgramResponse> {
    await this.programs.findOwned(programId, actor);
    const { analysis } = await this.analysis(pilotId, actor);
    const recommendations = {
      pilotId,
      matchingWeights: analysis.recommendations.matchingWeights,
      focusCompetencies: analysis.recommendations.focusCompetencies,
    };
    await this.programWorkflow.update(programId, applyPilotRecommendationsUpdate, [{ actor, recommendations }], key);
    return this.programs.get(programId, actor);
  }
}

/** JSON with object keys sorted: the same content gives the same text, whatever order the file used. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(value);
}

import { Injectable } from '@nestjs/common';
import {
  buildCaseLibrary,
  closedAsMentor,
  COMPETENCY_LEXICON,
  COMPETENCY_TAGGING_HELD_OUT,
  cycleOf,
  DEFAULT_MIN_CLOSED_MENTORSHIPS,
  deidentifier,
  currentLevels,
  DEFAULT_MODEL_KEY,
  hasRole,
  mentorshipCaseMaterial,
  mentorshipCycles,
  personGaps,
  pilotCaseMaterial,
  proposeTrainingPlanItems,
  textTaggingMayFile,
  type Actor,
  type ProgramEvent,
  type ProgramState,
  type TrainingCase,
  type TrainingPlan,
  type TrainingPlanItemEdit,
  type TrainingPlanState,
} from '../../../../libs/domain/src/index.js';
import { editTrainingPlanUpdate, proposeTrainingPlanUpdate } from '../../../../libs/contracts/src/index.js';
import {
  AssessmentQueries,
  CaseConsentQueries,
  CompetencyQueries,
  MentorshipQueries,
  PeopleQueries,
  PilotQueries,
  ProgramQueries,
  SessionQueries,
  toCompetencyModel,
  type ProgramRecord,
} from '../../../../libs/persistence/src/index.js';
import { ApiError } from '../http/api-error.js';
import { ProgramsService } from '../programs/programs.service.js';
import { ProgramGateway } from '../workflows/program-gateway.js';

export interface CaseLibrary {
  cycle: number;
  /** Whether free-text tagging may file cases (its held-out precision reached the bar). */
  fileByText: boolean;
  cases: TrainingCase[];
}

/** The cycle's recorded plan; an Update that records one always leaves one. */
function planOf(state: ProgramState): TrainingPlanState {
  if (!state.trainingPlan)
    throw new ApiError(404, 'PROGRAM.NO_TRAINING_PLAN', 'no training plan recorded for this cycle yet');
  return state.trainingPlan;
}

@Injectable()
export class CasesService {
  constructor(
    private readonly programs: ProgramsService,
    private readonly programEvents: ProgramQueries,
    private readonly mentorships: MentorshipQueries,
    private readonly sessions: SessionQueries,
    private readonly pilots: PilotQueries,
    private readonly people: PeopleQueries,
    private readonly assessments: AssessmentQueries,
    private readonly competencies: CompetencyQueries,
    private readonly consents: CaseConsentQueries,
    private readonly workflow: ProgramGateway,
  ) {}

  private async owned(
    programId: string,
    actor: Actor,
    hrMayRead = true,
  ): Promise<{ row: ProgramRecord; state: ProgramState }> {
    const row =
      hrMayRead && hasRole(actor, 'hr-admin')
        ? await this.programs.findRow(programId)
        : await this.programs.findOwned(programId, actor);
    const state = await this.workflow.state(row.id);
    if (!state) throw new ApiError(409, 'PROGRAM.NOT_READY', 'the program is still being created');
    return { row, state };
  }

  /** Cases from the program's closed mentorships of earlier cycles and from its pilot, de-identified. */
  private async casesOf(row: ProgramRecord, state: ProgramState): Promise<CaseLibrary> {
    const cycle = cycleOf(state);
    const events = (await this.programEvents.events(row.id)).map((e) => ({ type: e.type, data: e.payload }));
    const cycles = mentorshipCycles(events as Array<Pick<ProgramEvent, 'type' | 'data'>>);
    const closed = (await this.mentorships.statesOfProgram(row.id)).filter(
      (m) => m.phase === 'CLOSED' && (cycles.get(m.mentorshipId) ?? 1) < cycle,
    );
    const shared = await this.sessions.sharedOf(closed.map((m) => m.mentorshipId));
    const earlier = closed.map((m) =>
      mentorshipCaseMaterial(m, shared.get(m.mentorshipId) ?? [], cycles.get(m.mentorshipId) ?? 1),
    );
    const pilotRow = state.pilot ? await this.pilots.find(state.pilot.pilotId) : null;
    const pilot = pilotRow ? pilotCaseMaterial(pilotRow.id, pilotRow.mentorships) : [];
    const consent = await this.consents.all();
    const fileByText = textTaggingMayFile(COMPETENCY_TAGGING_HELD_OUT);
    const materials = [...earlier, ...pilot];
    const cases = buildCaseLibrary(materials, {
      consent: (id) => consent.get(id) ?? null,
      deidentify: deidentifier(await this.people.nameable()),
      competencyKeys: new Set([
        ...materials.flatMap((m) => m.declaredCompetencies),
        ...COMPETENCY_LEXICON.entries.map((e) => e.key),
      ]),
      fileByText,
    });
    return { cycle, fileByText, cases };
  }

  /** The program's owner and HR admins. */
  async library(programId: string, actor: Actor): Promise<CaseLibrary> {
    const { row, state } = await this.owned(programId, actor);
    return this.casesOf(row, state);
  }

  /** The plan the domain proposes for this cycle now (not recorded: the owner records and edits it). */
  async proposal(
    programId: string,
    actor: Actor,
    minClosedMentorships = DEFAULT_MIN_CLOSED_MENTORSHIPS,
  ): Promise<TrainingPlan> {
    const { row, state } = await this.owned(programId, actor);
    const participants = state.matching?.participants ?? [];
    const of = (role: string) => participants.filter((p) => p.role === role);
    const mentees = of('mentee');
    const mentors = of('mentor');
    const ids = [...mentees, ...mentors].map((p) => p.personId);
    const [people, ratings, stored, library, closedInPrograms, closedInPilots] = await Promise.all([
      this.people.findMany(ids),
      this.assessments.evidenceOfPeople(ids),
      this.competencies.model(DEFAULT_MODEL_KEY),
      this.casesOf(row, state),
      this.mentorships.closedCountByMentor(),
      this.pilots.mentorCounts(),
    ]);
    const levels = currentLevels(ratings);
    const model = stored ? toCompetencyModel(stored) : null;
    const byId = new Map(people.map((p) => [p.id, p]));
    return proposeTrainingPlanItems({
      cycle: cycleOf(state),
      mentees: mentees.map((m) => {
        const person = byId.get(m.personId);
        const gaps = model && person ? personGaps(model, person, levels.get(m.personId)) : [];
        return {
          personId: m.personId,
          goals: m.goals,
          gaps: Object.fromEntries(gaps.map((g) => [g.competencyKey, g.gap])),
          targets: Object.fromEntries(gaps.filter((g) => g.target !== null).map((g) => [g.competencyKey, g.target!])),
        };
      }),
      mentors: mentors.map((m) => ({
        personId: m.personId,
        levels: Object.fromEntries(levels.get(m.personId) ?? new Map<string, number>()),
      })),
      supervisors: of('supervisor').map((s) => s.personId),
      closedMentorships: closedAsMentor(closedInPrograms, closedInPilots),
      minClosedMentorships,
      cases: library.cases,
      competencyNames: new Map((model?.competencies ?? []).map((c) => [c.key, c.name])),
    });
  }

  /** Proposes the plan now and records it in the program (an Update: owner, TRAINING). */
  async record(
    programId: string,
    actor: Actor,
    minClosedMentorships: number | undefined,
    key?: string,
  ): Promise<TrainingPlanState> {
    await this.owned(programId, actor, false);
    const plan = await this.proposal(programId, actor, minClosedMentorships);
    return planOf(await this.workflow.update(programId, proposeTrainingPlanUpdate, [{ actor, plan }], key));
  }

  /** The owner's edit of the recorded plan (an Update: trainers and cases checked by the domain). */
  async edit(programId: string, actor: Actor, items: TrainingPlanItemEdit[], key?: string): Promise<TrainingPlanState> {
    await this.owned(programId, actor, false);
    return planOf(await this.workflow.update(programId, editTrainingPlanUpdate, [{ actor, items }], key));
  }

  /** The plan recorded for this cycle, as proposed and edited (404 before any proposal). */
  async recorded(programId: string, actor: Actor): Promise<TrainingPlanState> {
    const { state } = await this.owned(programId, actor);
    return planOf(state);
  }
}

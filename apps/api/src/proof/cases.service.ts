import { Inject, Injectable } from '@nestjs/common';
import { Client } from '@temporalio/client';
import {
  buildCaseLibrary,
  COMPETENCY_LEXICON,
  COMPETENCY_TAGGING_HELD_OUT,
  cycleOf,
  DEFAULT_MIN_CLOSED_MENTORSHIPS,
  deidentifier,
  hasRole,
  personGaps,
  proposeTrainingPlanItems,
  textTaggingMayFile,
  type Actor,
  type ProgramState,
  type TrainingCase,
  type TrainingPlan,
  type TrainingPlanItemEdit,
  type TrainingPlanState,
} from '../../../../libs/domain/src/index.js';
import {
  editTrainingPlanUpdate,
  programStateQuery,
  proposeTrainingPlanUpdate,
} from '../../../../libs/contracts/src/index.js';
import {
  CaseConsentQueries,
  CaseMaterialQueries,
  CohortQueries,
  type ProgramReadModelEntity,
} from '../../../../libs/persistence/src/index.js';
import { ApiError } from '../http/api-error.js';
import { ProgramsService } from '../programs/programs.service.js';
import { TEMPORAL_CLIENT } from '../tokens.js';

export interface CaseLibraryResponse {
  cycle: number;
  /** Whether free-text tagging may file cases (its held-out precision reached the bar). */
  fileByText: boolean;
  cases: TrainingCase[];
}

@Injectable()
export class CasesService {
  constructor(
    private readonly programs: ProgramsService,
    private readonly materials: CaseMaterialQueries,
    private readonly consents: CaseConsentQueries,
    private readonly cohort: CohortQueries,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
  ) {}

  private async owned(
    programId: string,
    actor: Actor,
    hrMayRead = true,
  ): Promise<{ row: ProgramReadModelEntity; state: ProgramState }> {
    const row =
      hrMayRead && hasRole(actor, 'hr-admin')
        ? await this.programs.findRow(programId)
        : await this.programs.findOwned(programId, actor);
    const state = await this.temporal.workflow.getHandle(row.workflowId).query(programStateQuery);
    if (!state) throw new ApiError(409, 'PROGRAM.NOT_READY', 'the program is still being created');
    return { row, state };
  }

  /** Cases from the program's closed mentorships of earlier cycles and from its pilot, de-identified. */
  private async casesOf(row: ProgramReadModelEntity, state: ProgramState): Promise<CaseLibraryResponse> {
    const cycle = cycleOf(state);
    const earlier = (await this.materials.closedMentorships(row.id)).filter((m) => (m.cycle ?? 0) < cycle);
    const pilot = state.pilot ? await this.materials.pilot(state.pilot.pilotId) : [];
    const consent = await this.consents.all();
    const fileByText = textTaggingMayFile(COMPETENCY_TAGGING_HELD_OUT);
    const materials = [...earlier, ...pilot];
    const cases = buildCaseLibrary(materials, {
      consent: (id) => consent.get(id) ?? null,
      deidentify: deidentifier(await this.materials.nameable()),
      competencyKeys: new Set([
        ...materials.flatMap((m) => m.declaredCompetencies),
        ...COMPETENCY_LEXICON.entries.map((e) => e.key),
      ]),
      fileByText,
    });
    return { cycle, fileByText, cases };
  }

  /** The program's owner and HR admins. */
  async library(programId: string, actor: Actor): Promise<CaseLibraryResponse> {
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
    const [people, levels, model, library, closed] = await Promise.all([
      this.cohort.people(ids),
      this.cohort.levels(ids),
      this.cohort.model(),
      this.casesOf(row, state),
      this.materials.closedAsMentor(),
    ]);
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
      closedMentorships: closed,
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
  ): Promise<TrainingPlanState | null> {
    const { row } = await this.owned(programId, actor, false);
    const plan = await this.proposal(programId, actor, minClosedMentorships);
    const state = await this.temporal.workflow
      .getHandle(row.workflowId)
      .executeUpdate(proposeTrainingPlanUpdate, { args: [{ actor, plan }], updateId: key });
    return state.trainingPlan ?? null;
  }

  /** The owner's edit of the recorded plan (an Update: trainers and cases checked by the domain). */
  async edit(
    programId: string,
    actor: Actor,
    items: TrainingPlanItemEdit[],
    key?: string,
  ): Promise<TrainingPlanState | null> {
    const { row } = await this.owned(programId, actor, false);
    const state = await this.temporal.workflow
      .getHandle(row.workflowId)
      .executeUpdate(editTrainingPlanUpdate, { args: [{ actor, items }], updateId: key });
    return state.trainingPlan ?? null;
  }

  /** The plan recorded for this cycle, as proposed and edited, or null before any proposal. */
  async recorded(programId: string, actor: Actor): Promise<TrainingPlanState | null> {
    const { state } = await this.owned(programId, actor);
    return state.trainingPlan ?? null;
  }
}

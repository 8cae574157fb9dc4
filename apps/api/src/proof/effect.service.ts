import { Injectable } from '@nestjs/common';
import {
  beforeAfterRoi,
  costPerMentee,
  effectForViewer,
  estimateEffect,
  hasRole,
  measureKey,
  monthIndex,
  monthOf,
  monetisedMeasures,
  monthText,
  roiFromEffect,
  windowProblem,
  type Actor,
  type EffectEstimate,
  type EffectView,
  type MonthWindow,
  type ProgramState,
  type ReportComparison,
  type RoiEvidence,
} from '../../../../libs/domain/src/index.js';
import {
  MentorshipQueries,
  OutcomeMeasureQueries,
  PeopleQueries,
  type ProgramRecord,
} from '../../../../libs/persistence/src/index.js';
import { ApiError, badField } from '../http/api-error.js';
import { ProgramsService } from '../programs/programs.service.js';
import { ProgramGateway } from '../workflows/program-gateway.js';
import type { EffectQuery } from './proof.dto.js';

@Injectable()
export class EffectService {
  constructor(
    private readonly programs: ProgramsService,
    private readonly people: PeopleQueries,
    private readonly mentorships: MentorshipQueries,
    private readonly measures: OutcomeMeasureQueries,
    private readonly workflow: ProgramGateway,
  ) {}

  /** HR admins, and whoever may read the program (owner, sponsor, steering group). */
  private async program(programId: string, actor: Actor): Promise<ProgramRecord> {
    return hasRole(actor, 'hr-admin') ? this.programs.findRow(programId) : this.programs.findReadable(programId, actor);
  }

  private state(row: ProgramRecord): Promise<ProgramState | null> {
    return this.workflow.state(row.id);
  }

  /** Windows from the query, else around the cycle's start: 12 months before it, months 6 to 17 after it. */
  private async windows(
    state: ProgramState | null,
    query: EffectQuery,
  ): Promise<{ before: MonthWindow; after: MonthWindow }> {
    const started = (state?.execution?.mentorships ?? [])
      .map((m) => m.startedAt)
      .filter((x): x is string => x !== null);
    const since = state?.executionSince ?? started.sort()[0] ?? null;
    const needsStart = [query.beforeFrom, query.beforeTo, query.afterFrom, query.afterTo].some((w) => w === undefined);
    if (since === null && needsStart)
      throw badField('beforeFrom', 'the cycle has not started: give the four window months (beforeFrom … afterTo)');
    const start = since === null ? 0 : monthOf(since);
    const last = await this.measures.lastMonth(query.measure);
    const afterFrom = query.afterFrom ?? monthText(start + 6);
    const defaultTo = Math.min(monthIndex(afterFrom)! + 11, last === null ? Infinity : monthIndex(last)!);
    const before = { from: query.beforeFrom ?? monthText(start - 12), to: query.beforeTo ?? monthText(start - 1) };
    const after = { from: afterFrom, to: query.afterTo ?? monthText(Math.max(defaultTo, monthIndex(afterFrom)!)) };
    for (const [w, field] of [
      [before, 'before'],
      [after, 'after'],
    ] as const) {
      const problem = windowProblem(w, field);
      if (problem) throw badField(problem.field, problem.message);
    }
    if (monthIndex(after.from)! <= monthIndex(before.to)!) throw badField('afterFrom', 'must come after beforeTo');
    return { before, after };
  }

  private async compute(row: ProgramRecord, state: ProgramState | null, query: EffectQuery): Promise<EffectEstimate> {
    const { before, after } = await this.windows(state, query);
    const cycleMentees = new Set(
      (state?.execution?.mentorships ?? []).filter((m) => m.startedAt !== null).map((m) => m.menteeId),
    );
    const excluded = new Set([
      ...(await this.mentorships.peopleOfProgram(row.id)),
      ...(state?.matching?.participants ?? []).map((p) => p.personId),
    ]);
    const members = await this.people.comparisonPopulation();
    return estimateEffect({
      measure: query.measure,
      lowerIsBetter: query.lowerIsBetter ?? false,
      before,
      after,
      mentees: members.filter((m) => cycleMentees.has(m.id)),
      pool: members.filter((m) => m.manager && !excluded.has(m.id)),
      values: await this.measures.forMeasure(query.measure),
      covariates: query.covariates,
      matching: {
        ...(query.sameDepartment !== undefined ? { sameDepartment: query.sameDepartment } : {}),
        ...(query.controlsPerMentee !== undefined ? { controlsPerMentee: query.controlsPerMentee } : {}),
        ...(query.caliper !== undefined ? { caliper: query.caliper } : {}),
      },
    });
  }

  /** The estimate for one measure, as the viewer may see it. */
  async effect(programId: string, actor: Actor, query: EffectQuery): Promise<EffectView> {
    const row = await this.program(programId, actor);
    const measure = query.measure;
    if (measure === undefined) throw badField('measure', 'name the measure to compare (as imported)');
    const state =
      query.cycle === undefined ? await this.state(row) : (await this.programs.cycle(row.id, query.cycle)).view.state;
    const estimate = await this.compute(row, state, { ...query, measure });
    return effectForViewer(estimate, actor, row.ownerId);
  }

  /**
   * For the report of a cycle: each monetised fact of its closed mentorships that has imported figures
   * under the same name, estimated against comparable managers, with both ROI figures side by side.
   */
  async reportComparison(
    programId: string,
    actor: Actor,
    evidence: RoiEvidence[],
    currency: string | null,
    cycleState: ProgramState,
  ): Promise<ReportComparison[]> {
    const row = await this.program(programId, actor);
    // The report's own cycle (an earlier one as it stood when it ended): its mentees, its start.
    const state = cycleState;
    const imported = new Set((await this.measures.summaries()).map((s) => measureKey(s.measure)));
    const out: ReportComparison[] = [];
    for (const fact of monetisedMeasures(evidence, imported)) {
      let estimate: EffectEstimate;
      try {
        estimate = await this.compute(row, state, { measure: fact.name, lowerIsBetter: fact.lowerIsBetter });
      } catch (e) {
        if (e instanceof ApiError && e.getStatus() === 400) continue; // the cycle has not started: no window yet
        throw e;
      }
      const view = effectForViewer(estimate, actor, row.ownerId);
      out.push({
        measure: fact.name,
        effect: view,
        beforeAfter: beforeAfterRoi(evidence, fact.name),
        fromEstimate:
          view.visibility === 'withheld'
            ? null
            : roiFromEffect(estimate, {
                valuePerUnit: fact.valuePerUnit,
                currency: currency ?? '',
                costPerMentee: costPerMentee(evidence),
              }),
      });
    }
    return out;
  }
}

import { Inject, Injectable } from '@nestjs/common';
import { Client } from '@temporalio/client';
import {
  effectForViewer,
  estimateEffect,
  hasRole,
  measureKey,
  monthIndex,
  monthOf,
  monthText,
  roiFromEffect,
  windowProblem,
  type Actor,
  type EffectEstimate,
  type EffectRoi,
  type EffectView,
  type MonthWindow,
  type ProgramState,
  type RoiEvidence,
} from '../../../../libs/domain/src/index.js';
import { programStateQuery } from '../../../../libs/contracts/src/index.js';
import {
  ComparisonPopulationQueries,
  OutcomeMeasureQueries,
  type ProgramReadModelEntity,
} from '../../../../libs/persistence/src/index.js';
import { ApiError, badField } from '../http/api-error.js';
import { ProgramsService } from '../programs/programs.service.js';
import { TEMPORAL_CLIENT } from '../tokens.js';
import type { EffectQuery } from './proof.dto.js';

/** The comparison beside the before/after figure, per monetised measure, for the cycle's report. */
export interface ReportComparison {
  measure: string;
  effect: EffectView;
  beforeAfter: { label: string; benefit: number; cost: number; roi: number | null; mentorships: number } | null;
  fromEstimate: EffectRoi | null;
}

@Injectable()
export class EffectService {
  constructor(
    private readonly programs: ProgramsService,
    private readonly population: ComparisonPopulationQueries,
    private readonly measures: OutcomeMeasureQueries,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
  ) {}

  /** HR admins, and whoever may read the program (owner, sponsor, steering group). */
  private async program(programId: string, actor: Actor): Promise<ProgramReadModelEntity> {
    return hasRole(actor, 'hr-admin') ? this.programs.findRow(programId) : this.programs.findReadable(programId, actor);
  }

  private state(row: ProgramReadModelEntity): Promise<ProgramState | null> {
    return this.temporal.workflow.getHandle(row.workflowId).query(programStateQuery);
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

  private async compute(
    row: ProgramReadModelEntity,
    state: ProgramState | null,
    query: EffectQuery,
  ): Promise<EffectEstimate> {
    const { before, after } = await this.windows(state, query);
    const cycleMentees = new Set(
      (state?.execution?.mentorships ?? []).filter((m) => m.startedAt !== null).map((m) => m.menteeId),
    );
    const excluded = new Set([
      ...(await this.population.everInProgram(row.id)),
      ...(state?.matching?.participants ?? []).map((p) => p.personId),
    ]);
    const members = await this.population.members();
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
    const estimate = await this.compute(row, await this.state(row), { ...query, measure });
    return effectForViewer(estimate, actor, row.ownerId);
  }

  /**
   * For the report: each monetised fact of the cycle's closed mentorships that has imported figures
   * under the same name, estimated against comparable managers, with both ROI figures side by side.
   */
  async reportComparison(
    programId: string,
    actor: Actor,
    evidence: RoiEvidence[],
    currency: string | null,
  ): Promise<ReportComparison[]> {
    const row = await this.program(programId, actor);
    const state = await this.state(row);
    const imported = new Set((await this.measures.summaries()).map((s) => measureKey(s.measure)));
    const facts = new Map<string, { name: string; lowerIsBetter: boolean; valuePerUnit: number }>();
    for (const f of evidence.flatMap((e) => e.facts))
      if (f.valuePerUnit !== null && imported.has(measureKey(f.name)) && !facts.has(measureKey(f.name)))
        facts.set(measureKey(f.name), { name: f.name, lowerIsBetter: f.lowerIsBetter, valuePerUnit: f.valuePerUnit });
    const costPerMentee = evidence.length ? evidence.reduce((s, e) => s + e.cost, 0) / evidence.length : 0;
    const out: ReportComparison[] = [];
    for (const fact of facts.values()) {
      let estimate: EffectEstimate;
      try {
        estimate = await this.compute(row, state, { measure: fact.name, lowerIsBetter: fact.lowerIsBetter });
      } catch (e) {
        if (e instanceof ApiError && e.getStatus() === 400) continue; // the cycle has not started: no window yet
        throw e;
      }
      const monetised = evidence.filter((e) => e.facts.some((f) => measureKey(f.name) === measureKey(fact.name)));
      const benefit = monetised.reduce(
        (s, e) => s + (e.facts.find((f) => measureKey(f.name) === measureKey(fact.name))?.value ?? 0),
        0,
      );
      const cost = monetised.reduce((s, e) => s + e.cost, 0);
      const view = effectForViewer(estimate, actor, row.ownerId);
      out.push({
        measure: fact.name,
        effect: view,
        beforeAfter: monetised.length
          ? {
              label: 'ROI before/after (the mentees’ own change × the agreed attribution share)',
              benefit: Math.round(benefit * 100) / 100,
              cost: Math.round(cost * 100) / 100,
              roi: cost === 0 ? null : Math.round(((benefit - cost) / cost) * 100) / 100,
              mentorships: monetised.length,
            }
          : null,
        fromEstimate:
          view.visibility === 'withheld'
            ? null
            : roiFromEffect(estimate, { valuePerUnit: fact.valuePerUnit, currency: currency ?? '', costPerMentee }),
      });
    }
    return out;
  }
}

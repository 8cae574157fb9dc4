import { Inject, Injectable } from '@nestjs/common';
import {
  mentorContributions,
  mentorshipTermsOf,
  monitorProgram,
  reportOfCycle,
  snapshotOfMentorship,
  type Actor,
  type CycleView,
  type MentorshipState,
  type RoiEvidence,
} from '../../../../libs/domain/src/index.js';
import { grantRecognitionUpdate, type MentorshipTerms } from '../../../../libs/contracts/src/index.js';
import { MentorshipQueries, PeopleQueries, type ProgramRecord } from '../../../../libs/persistence/src/index.js';
import { ProgramsService } from '../programs/programs.service.js';
import { MENTORSHIP_TERMS } from '../tokens.js';
import { ProgramGateway } from '../workflows/program-gateway.js';
import { highlight } from './highlights.js';
import type { MonitoringResponse, RecognitionResponse } from './monitoring.dto.js';
import type { EffectivenessReportResponse } from './report.dto.js';

/**
 * A program's mentorships seen together, one cycle at a time: indicators, risks, the cycle's report
 * and the mentors' recognition. A cycle's mentorships are the ones it planned; they are monitored
 * under it as long as they run, and its report is read as it stood when the cycle ended.
 */
@Injectable()
export class MonitoringService {
  constructor(
    private readonly programs: ProgramsService,
    private readonly mentorships: MentorshipQueries,
    private readonly people: PeopleQueries,
    private readonly workflow: ProgramGateway,
    @Inject(MENTORSHIP_TERMS) private readonly terms: MentorshipTerms,
  ) {}

  /** Indicators and the mentorships at risk now, with the cadences of the program's own policy. */
  async monitoring(programId: string, actor: Actor, cycle?: number): Promise<MonitoringResponse> {
    await this.programs.findOwned(programId, actor);
    const { view, cycles, indicators, atRisk, at } = await this.overview(programId, cycle);
    return { cycle: view.cycle, cycles, indicators, atRisk, at };
  }

  /**
   * A cycle's mentorships as they are now, with its indicators and risks: what the monitoring answer
   * and the dashboard's program page show. No access check: callers check first.
   */
  async overview(programId: string, cycle?: number) {
    const { view, cycles } = await this.programs.cycle(programId, cycle);
    const now = Date.now();
    const snapshots = this.snapshots(await this.mentorships.statesOf(view.mentorshipIds), view);
    return {
      view,
      cycles,
      snapshots,
      ...monitorProgram(snapshots, this.policyOf(view), now),
      at: new Date(now).toISOString(),
    };
  }

  /**
   * The cycle's report: the running cycle as of now, a finished one as it stood when it ended; with the
   * cycle and the ROI evidence behind the report (each closed mentorship's monetised facts) for the proof.
   */
  async report(
    programId: string,
    actor: Actor,
    cycle?: number,
  ): Promise<{
    row: ProgramRecord;
    view: CycleView;
    report: Omit<EffectivenessReportResponse, 'comparison'>;
    evidence: RoiEvidence[];
  }> {
    const row = await this.programs.findReadable(programId, actor);
    const { view, cycles } = await this.programs.cycle(programId, cycle);
    const states = view.endedAt
      ? await this.mentorships.statesAsOf(view.mentorshipIds, view.endedAt)
      : await this.mentorships.statesOf(view.mentorshipIds);
    const snapshots = this.snapshots(states, view);
    const report = reportOfCycle(view, snapshots, this.policyOf(view), Date.now());
    const names = await this.people.namesOf(report.facts.flatMap((f) => [f.menteeId, f.mentorId]));
    const name = (id: string) => names.get(id) ?? id;
    return {
      row,
      view,
      evidence: snapshots.flatMap((s) => (s.roi ? [s.roi] : [])),
      report: {
        ...report,
        cycles,
        facts: report.facts.map((f) => ({ ...f, mentee: name(f.menteeId), mentor: name(f.mentorId) })),
      },
    };
  }

  async recognition(programId: string, actor: Actor, cycle?: number): Promise<RecognitionResponse> {
    await this.programs.findOwned(programId, actor);
    const { view, cycles } = await this.programs.cycle(programId, cycle);
    const contributions = mentorContributions(
      this.snapshots(await this.mentorships.statesOf(view.mentorshipIds), view),
    );
    const names = await this.people.namesOf(contributions.map((c) => c.mentorId));
    return {
      cycle: view.cycle,
      cycles,
      contributions,
      highlights: Object.fromEntries(
        contributions.map((c) => [c.mentorId, highlight(c, names.get(c.mentorId) ?? c.mentorId)]),
      ),
      granted: (view.state.recognitions ?? []).filter((r) => r.cycle === view.cycle),
    };
  }

  async grant(
    programId: string,
    grant: { mentorId: string; note: string },
    actor: Actor,
    key?: string,
  ): Promise<RecognitionResponse> {
    await this.programs.findOwned(programId, actor);
    await this.workflow.update(programId, grantRecognitionUpdate, [{ actor, ...grant }], key);
    return this.recognition(programId, actor);
  }

  private policyOf(view: CycleView) {
    return mentorshipTermsOf(view.state, this.terms).policy;
  }

  private snapshots(states: MentorshipState[], view: CycleView) {
    const policy = this.policyOf(view);
    return states.map((s) => snapshotOfMentorship(s, policy));
  }
}

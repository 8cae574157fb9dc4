import { Inject, Injectable } from '@nestjs/common';
import {
  cycleOf,
  effectivenessReport,
  mentorContributions,
  monitorProgram,
  snapshotOfMentorship,
  type Actor,
  type EffectivenessReport,
} from '../../../../libs/domain/src/index.js';
import { grantRecognitionUpdate, type MentorshipTerms } from '../../../../libs/contracts/src/index.js';
import { MentorshipQueries } from '../../../../libs/persistence/src/index.js';
import { ProgramsService } from '../programs/programs.service.js';
import { MENTORSHIP_TERMS } from '../tokens.js';
import { ProgramGateway } from '../workflows/program-gateway.js';
import { highlight } from './highlights.js';
import type { MonitoringResponse, RecognitionResponse } from './monitoring.dto.js';

/** A program's mentorships seen together: indicators, risks, the cycle's report, the mentors' recognition. */
@Injectable()
export class MonitoringService {
  constructor(
    private readonly programs: ProgramsService,
    private readonly mentorships: MentorshipQueries,
    private readonly workflow: ProgramGateway,
    @Inject(MENTORSHIP_TERMS) private readonly terms: MentorshipTerms,
  ) {}

  /** Every mentorship of the program (all cycles), from their state snapshots. */
  async snapshots(programId: string) {
    return (await this.mentorships.statesOfProgram(programId)).map(snapshotOfMentorship);
  }

  /** Indicators and the mentorships at risk, now. */
  indicators(snapshots: Awaited<ReturnType<MonitoringService['snapshots']>>, now: number) {
    return monitorProgram(snapshots, this.terms.policy, now);
  }

  async monitoring(programId: string, actor: Actor): Promise<MonitoringResponse> {
    await this.programs.findOwnedOpen(programId, actor);
    const now = Date.now();
    return { ...this.indicators(await this.snapshots(programId), now), at: new Date(now).toISOString() };
  }

  async report(programId: string, actor: Actor): Promise<{ name: string; report: EffectivenessReport }> {
    const { row, state, snapshots } = await this.cycle(programId, actor);
    const approved = state?.matching?.proposals.find((p) => p.version === state.matching?.approvedVersion)?.summary;
    const report = effectivenessReport({
      cycle: state ? cycleOf(state) : 1,
      objectives: state?.objectives ?? row.objectives,
      planned: state?.execution?.mentorships.length ?? 0,
      enrolledMentees: (state?.matching?.participants ?? []).filter((p) => p.role === 'mentee').length,
      matchedMentees: approved?.matched ?? 0,
      snapshots,
      evidence: snapshots
        .filter((s) => s.roi)
        .map((s) => ({ mentorshipId: s.mentorshipId, menteeId: s.menteeId, mentorId: s.mentorId, roi: s.roi! })),
      competencyProgress: this.indicators(snapshots, Date.now()).indicators.competencyProgress,
    });
    return { name: row.name, report };
  }

  async recognition(programId: string, actor: Actor): Promise<RecognitionResponse> {
    const { state, snapshots } = await this.cycle(programId, actor, true);
    const contributions = mentorContributions(snapshots);
    return {
      contributions,
      highlights: Object.fromEntries(contributions.map((c) => [c.mentorId, highlight(c)])),
      granted: state?.recognitions ?? [],
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

  /** The current cycle: its state and its own mentorships (a renewed program keeps earlier ones in its history). */
  private async cycle(programId: string, actor: Actor, ownerOnly = false) {
    const row = ownerOnly
      ? await this.programs.findOwned(programId, actor)
      : await this.programs.findReadable(programId, actor);
    const state = await this.workflow.state(programId);
    const ids = new Set((state?.execution?.mentorships ?? []).map((m) => m.mentorshipId));
    const snapshots = (await this.snapshots(programId)).filter((s) => ids.has(s.mentorshipId));
    return { row, state, snapshots };
  }
}

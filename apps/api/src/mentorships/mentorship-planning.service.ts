import { Injectable } from '@nestjs/common';
import { cycleOf, statusOf, type Actor, type ProgramState } from '../../../../libs/domain/src/index.js';
import { planMentorshipUpdate } from '../../../../libs/contracts/src/index.js';
import { uuidFromKey } from '../../../../libs/contracts/src/ids.js';
import { MentorshipQueries } from '../../../../libs/persistence/src/index.js';
import { ProgramsService } from '../programs/programs.service.js';
import { ProgramGateway } from '../workflows/program-gateway.js';
import type { StartMentorshipDto } from './dto/mentorship-actions.dto.js';
import type { PlannedMentorshipResponse } from './dto/planned-mentorship.response.js';

/** The cycle's mentorships before they start: the owner gives approved pairs their supervisors. */
@Injectable()
export class MentorshipPlanningService {
  constructor(
    private readonly programs: ProgramsService,
    private readonly mentorships: MentorshipQueries,
    private readonly programWorkflow: ProgramGateway,
  ) {}

  /**
   * The owner gives an approved pair its supervisor; the program's workflow starts the mentorship
   * once the cycle is in EXECUTION and the mentor is trained. The id follows from the pair.
   */
  async plan(
    programId: string,
    dto: StartMentorshipDto,
    actor: Actor,
    key?: string,
  ): Promise<PlannedMentorshipResponse> {
    await this.programs.findOwned(programId, actor);
    const before = await this.programWorkflow.state(programId);
    const pair = before?.matching?.proposals
      .find((p) => p.version === before.matching?.approvedVersion)
      ?.summary?.pairs.find((p) => p.menteeId === dto.menteeId);
    // The validator decides; the id only needs the pair, when there is one.
    // The cycle is part of the key: the same pair in a renewed cycle is another mentorship.
    const mentorshipId = uuidFromKey(
      `mentorship:${programId}:${before ? cycleOf(before) : 1}:${dto.menteeId}:${pair?.mentorId ?? ''}`,
    );
    const state = await this.programWorkflow.update(
      programId,
      planMentorshipUpdate,
      [{ actor, mentorshipId, menteeId: dto.menteeId, supervisorId: dto.supervisorId }],
      key,
    );
    return (await this.planned(state)).find((m) => m.id === mentorshipId)!;
  }

  /**
   * A cycle's mentorships (default: the running cycle's), planned and started, for its owner: an
   * earlier cycle's are listed as it planned them, with the phase each is in now.
   */
  async ofProgram(programId: string, actor: Actor, cycle?: number): Promise<PlannedMentorshipResponse[]> {
    await this.programs.findOwned(programId, actor);
    return this.planned((await this.programs.cycle(programId, cycle)).view.state);
  }

  private async planned(state: ProgramState): Promise<PlannedMentorshipResponse[]> {
    const list = state.execution?.mentorships ?? [];
    const phases = await this.mentorships.phasesOf(list.map((m) => m.mentorshipId));
    return list.map((m) => ({
      id: m.mentorshipId,
      menteeId: m.menteeId,
      mentorId: m.mentorId,
      supervisorId: m.supervisorId,
      cycle: cycleOf(state),
      status: statusOf(state, m),
      phase: phases.get(m.mentorshipId) ?? null,
      startedAt: m.startedAt,
    }));
  }
}

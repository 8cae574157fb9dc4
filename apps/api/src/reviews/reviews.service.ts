import { Injectable } from '@nestjs/common';
import type { Actor, ReviewDecisionInput, ReviewState } from '../../../../libs/domain/src/index.js';
import { decideReviewUpdate } from '../../../../libs/contracts/src/index.js';
import { MentorshipQueries } from '../../../../libs/persistence/src/index.js';
import { ProgramResponse } from '../programs/dto/program.response.js';
import { ProgramsService } from '../programs/programs.service.js';
import { ProgramGateway } from '../workflows/program-gateway.js';
import type { ReviewsResponse } from './review.dto.js';

/** Periodic re-alignment reviews: what the owner needs to decide, and the decision. */
@Injectable()
export class ReviewsService {
  constructor(
    private readonly programs: ProgramsService,
    private readonly mentorships: MentorshipQueries,
    private readonly workflow: ProgramGateway,
  ) {}

  /** The reviews of the cycle as the workflow holds them. */
  async reviewsOf(programId: string, actor: Actor): Promise<ReviewState[]> {
    await this.programs.findReadable(programId, actor);
    return (await this.workflow.state(programId))?.reviews ?? [];
  }

  async briefing(programId: string, actor: Actor): Promise<ReviewsResponse> {
    const row = await this.programs.findReadable(programId, actor);
    const state = await this.workflow.state(programId);
    const reviews = state?.reviews ?? [];
    return {
      reviews,
      open: reviews.find((r) => r.decision === null)?.review ?? null,
      objectives: state?.objectives ?? row.objectives,
      feedback: await this.mentorships.feedbackOfProgram(programId),
    };
  }

  async decide(
    programId: string,
    review: number,
    decision: ReviewDecisionInput,
    actor: Actor,
    key?: string,
  ): Promise<ProgramResponse> {
    await this.programs.findOwnedOpen(programId, actor);
    await this.workflow.update(programId, decideReviewUpdate, [{ actor, review, decision }], key);
    return ProgramResponse.from(await this.programs.findRow(programId));
  }
}

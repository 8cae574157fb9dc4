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

  /** The reviews of a cycle (default: the running one) as the program's log holds them. */
  async reviewsOf(programId: string, actor: Actor, cycle?: number): Promise<ReviewState[]> {
    await this.programs.findReadable(programId, actor);
    return (await this.programs.cycle(programId, cycle)).view.state.reviews ?? [];
  }

  /** What the owner needs to decide a review: the reviews, the objectives as they stand, the participants' feedback. */
  async briefing(programId: string, actor: Actor, cycle?: number): Promise<ReviewsResponse> {
    await this.programs.findReadable(programId, actor);
    const { view, cycles } = await this.programs.cycle(programId, cycle);
    const reviews = view.state.reviews ?? [];
    return {
      cycle: view.cycle,
      cycles,
      reviews,
      open: reviews.find((r) => r.decision === null)?.review ?? null,
      objectives: view.state.objectives,
      feedback: await this.mentorships.feedbackOf(view.mentorshipIds, view.endedAt),
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

import { Injectable } from '@nestjs/common';
import type { Actor, MentorshipState } from '../../../../libs/domain/src/index.js';
import { MentorshipQueries, type MentorshipRecord } from '../../../../libs/persistence/src/index.js';
import { ApiError, forbidden, notFound } from '../http/api-error.js';
import { MentorshipGateway } from '../workflows/mentorship-gateway.js';
import { viewpointOf, type Viewpoint } from './dto/mentorship.response.js';

/** Who may see or act on a mentorship (its four people), and its state as of its last stored event. */
@Injectable()
export class MentorshipAccess {
  constructor(
    private readonly mentorships: MentorshipQueries,
    private readonly workflow: MentorshipGateway,
  ) {}

  /** Only the four people of a mentorship get past here; the workflow's validator decides the rest. */
  async load(id: string, actor: Actor): Promise<{ row: MentorshipRecord; viewpoint: Viewpoint }> {
    const row = await this.mentorships.find(id);
    if (!row) throw notFound('mentorship', id);
    const viewpoint = viewpointOf(row, actor);
    if (!viewpoint)
      throw forbidden(
        'MENTORSHIP.NOT_A_PARTY',
        `only the mentee, the mentor, the supervisor and the program's owner see mentorship ${id}`,
      );
    return { row, viewpoint };
  }

  /**
   * The state as of the last stored event: the projector's snapshot, written in the same
   * transaction as the events (an Update answers only after it commits). Rows from before the
   * snapshot existed ask the workflow.
   */
  async live(row: MentorshipRecord): Promise<MentorshipState> {
    if (row.state) return row.state;
    const state = await this.workflow.state(row.id);
    if (!state) throw new ApiError(409, 'MENTORSHIP.NOT_READY', 'the mentorship is still being created; try again');
    return state;
  }
}

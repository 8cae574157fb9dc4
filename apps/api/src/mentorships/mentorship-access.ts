import { Injectable } from '@nestjs/common';
import type { Actor, MentorshipState } from '../../../../libs/domain/src/index.js';
import type { MentorshipRecord } from '../../../../libs/persistence/src/index.js';
import { Access } from '../access/access.service.js';
import { ApiError } from '../http/api-error.js';
import { MentorshipGateway } from '../workflows/mentorship-gateway.js';
import type { Viewpoint } from './dto/mentorship.response.js';

/** Who may see or act on a mentorship (its four people), and its state as of its last stored event. */
@Injectable()
export class MentorshipAccess {
  constructor(
    private readonly access: Access,
    private readonly workflow: MentorshipGateway,
  ) {}

  /**
   * Only the four people of a mentorship get past here — anybody else gets the 404 of an unknown
   * id, so a derived id tells nothing; the workflow's validator decides the rest.
   */
  load(id: string, actor: Actor): Promise<{ row: MentorshipRecord; viewpoint: Viewpoint }> {
    return this.access.mentorship(id, actor);
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

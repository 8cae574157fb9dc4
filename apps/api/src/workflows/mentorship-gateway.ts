import { Injectable } from '@nestjs/common';
import type { UpdateDefinition } from '@temporalio/client';
import type { MentorshipState } from '../../../../libs/domain/src/index.js';
import { mentorshipStateQuery, mentorshipWorkflowId } from '../../../../libs/contracts/src/index.js';
import { WorkflowGateway } from './workflow-gateway.js';

/** The mentorship workflow as the API sees it (its program starts it): Updates and its state. */
@Injectable()
export class MentorshipGateway {
  constructor(private readonly workflows: WorkflowGateway) {}

  update<Ret, Args extends unknown[]>(
    mentorshipId: string,
    def: UpdateDefinition<Ret, Args>,
    args: Args,
    updateId?: string,
  ): Promise<Ret> {
    return this.workflows.update(mentorshipWorkflowId(mentorshipId), def, args, updateId);
  }

  /** The live state, asked of the workflow (reads normally come from the stored snapshot). */
  state(mentorshipId: string): Promise<MentorshipState | null> {
    return this.workflows.query(mentorshipWorkflowId(mentorshipId), mentorshipStateQuery);
  }
}

import { Injectable } from '@nestjs/common';
import type { MentorshipState } from '../../../../libs/domain/src/index.js';
import { mentorshipStateQuery, mentorshipWorkflowId } from '../../../../libs/contracts/src/index.js';
import { EntityWorkflow, WorkflowGateway } from './workflow-gateway.js';

/**
 * The mentorship workflow as the API sees it (its program starts it): Updates, and its state when
 * the stored snapshot is missing.
 */
@Injectable()
export class MentorshipGateway extends EntityWorkflow<MentorshipState> {
  constructor(workflows: WorkflowGateway) {
    super(workflows, mentorshipWorkflowId, mentorshipStateQuery);
  }
}

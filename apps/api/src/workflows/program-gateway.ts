import { Injectable } from '@nestjs/common';
import type { ProgramState } from '../../../../libs/domain/src/index.js';
import {
  programReadyUpdate,
  programStateQuery,
  programWorkflowId,
  type ProgramWorkflowInput,
} from '../../../../libs/contracts/src/index.js';
import type { programWorkflow } from '../../../../libs/workflows/src/index.js';
import { EntityWorkflow, WorkflowGateway } from './workflow-gateway.js';

/** The program workflow as the API sees it: start it, send it Updates, ask its state. */
@Injectable()
export class ProgramGateway extends EntityWorkflow<ProgramState> {
  constructor(workflows: WorkflowGateway) {
    super(workflows, programWorkflowId, programStateQuery);
  }

  /** Starts the program's workflow and waits until its creation events are stored. */
  async start(input: ProgramWorkflowInput): Promise<void> {
    const id = programWorkflowId(input.draft.programId);
    const args: Parameters<typeof programWorkflow> = [input];
    await this.workflows.start('programWorkflow', id, args);
    await this.workflows.update(id, programReadyUpdate, []);
  }
}

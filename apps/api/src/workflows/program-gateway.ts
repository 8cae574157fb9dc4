import { Injectable } from '@nestjs/common';
import type { UpdateDefinition } from '@temporalio/client';
import type { ProgramState } from '../../../../libs/domain/src/index.js';
import {
  programReadyUpdate,
  programStateQuery,
  programWorkflowId,
  type ProgramWorkflowInput,
} from '../../../../libs/contracts/src/index.js';
import type { programWorkflow } from '../../../../libs/workflows/src/index.js';
import { WorkflowGateway } from './workflow-gateway.js';

/** The program workflow as the API sees it: start it, send it Updates, ask its state. */
@Injectable()
export class ProgramGateway {
  constructor(private readonly workflows: WorkflowGateway) {}

  /** Starts the program's workflow and waits until its creation events are stored. */
  async start(input: ProgramWorkflowInput): Promise<void> {
    const id = programWorkflowId(input.draft.programId);
    const args: Parameters<typeof programWorkflow> = [input];
    await this.workflows.start('programWorkflow', id, args);
    await this.workflows.update(id, programReadyUpdate, []);
  }

  update<Ret, Args extends unknown[]>(
    programId: string,
    def: UpdateDefinition<Ret, Args>,
    args: Args,
    updateId?: string,
  ): Promise<Ret> {
    return this.workflows.update(programWorkflowId(programId), def, args, updateId);
  }

  /** The live state, or null while the workflow has not stored its creation yet. */
  state(programId: string): Promise<ProgramState | null> {
    return this.workflows.query(programWorkflowId(programId), programStateQuery);
  }
}

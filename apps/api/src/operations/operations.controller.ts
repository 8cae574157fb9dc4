import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../../../libs/domain/src/index.js';
import { WorkflowFaultQueries } from '../../../../libs/persistence/src/index.js';
import { CurrentActor, Roles } from '../auth/auth.decorators.js';
import { RestartedWorkflowResponse, WorkflowFaultResponse } from './operations.dto.js';
import { WorkflowRepairService } from './workflow-repair.service.js';

@ApiTags('operations')
@ApiBearerAuth()
@Roles('operator')
@Controller('operations')
export class OperationsController {
  constructor(
    private readonly faultQueries: WorkflowFaultQueries,
    private readonly repair: WorkflowRepairService,
  ) {}

  @Get('workflow-faults')
  @ApiOperation({
    summary:
      'Workflows that may be stuck: appends that keep failing or were refused, Updates answered late (operators).',
    description:
      'A row lasts until the workflow proves healthy again (its next append stored, an Update answered in time).',
  })
  @ApiOkResponse({ type: [WorkflowFaultResponse] })
  faults(): Promise<WorkflowFaultResponse[]> {
    return this.faultQueries.list();
  }

  @Post('workflows/:workflowId/restart')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Terminate a stuck workflow and start it again from the event log (operators; see docs/RELIABILITY.md).',
    description:
      'The new run carries the state folded from every stored event. 409 WORKFLOW.COMPLETED for a workflow that ended normally.',
  })
  @ApiOkResponse({ type: RestartedWorkflowResponse })
  restart(@Param('workflowId') workflowId: string, @CurrentActor() actor: Actor): Promise<RestartedWorkflowResponse> {
    return this.repair.restartFromLog(workflowId, actor.personId);
  }
}

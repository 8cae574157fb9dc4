import { ApiProperty } from '@nestjs/swagger';

export class WorkflowFaultResponse {
  @ApiProperty({ example: 'mentorship:7d0c…' }) workflowId!: string;
  @ApiProperty({
    enum: ['APPEND_FAILING', 'SLOW_UPDATE'],
    description:
      'APPEND_FAILING: its appends keep failing or were refused; SLOW_UPDATE: an Update waited past the bound.',
  })
  kind!: string;
  @ApiProperty({ example: 'EVENT_STORE.UNAVAILABLE' }) code!: string;
  @ApiProperty() detail!: string;
  @ApiProperty() occurrences!: number;
  @ApiProperty() firstSeenAt!: string;
  @ApiProperty() lastSeenAt!: string;
}

export class RestartedWorkflowResponse {
  @ApiProperty() workflowId!: string;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'The run that was terminated (null if it had already stopped).',
  })
  terminatedRunId!: string | null;
  @ApiProperty() runId!: string;
  @ApiProperty({ description: 'Stream version the new run starts from: every fact of the event log.' })
  version!: number;
}

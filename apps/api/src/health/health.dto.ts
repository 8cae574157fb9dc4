import { ApiProperty } from '@nestjs/swagger';

export class LivenessResponse {
  @ApiProperty({ enum: ['ok'] }) status!: 'ok';
}

export class WorkflowFaultCountsResponse {
  @ApiProperty({ description: 'Workflows whose appends keep failing or were refused.' }) APPEND_FAILING!: number;
  @ApiProperty({ description: 'Workflows with an Update answered later than the bound.' }) SLOW_UPDATE!: number;
}

export class ReadinessResponse {
  @ApiProperty({ enum: ['ok'] }) status!: 'ok';
  @ApiProperty({ enum: ['ok'] }) postgres!: 'ok';
  @ApiProperty({ enum: ['ok'] }) temporal!: 'ok';
  @ApiProperty({ enum: ['ok', 'degraded'], description: '"degraded" when some workflow has an open fault.' })
  workflows!: 'ok' | 'degraded';
  @ApiProperty({ type: WorkflowFaultCountsResponse }) workflowFaults!: WorkflowFaultCountsResponse;
}

import { ApiProperty } from '@nestjs/swagger';
import { PROGRAM_PHASES } from '../../../../../libs/domain/src/index.js';
import type { EventRow, ProgramRecord } from '../../../../../libs/persistence/src/index.js';
import { StrategicObjectiveDto } from './create-program.dto.js';

/** What the API shows of a program: explicit, so a new column never leaks by accident. */
export class ProgramResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() ownerId!: string;
  @ApiProperty() sponsorId!: string;
  @ApiProperty({ enum: PROGRAM_PHASES }) phase!: string;
  @ApiProperty({ type: [StrategicObjectiveDto] }) objectives!: StrategicObjectiveDto[];
  @ApiProperty({ type: [String], description: 'Steering group (person ids).' }) steeringGroup!: string[];
  @ApiProperty({ type: [String] }) keySuccessFactors!: string[];
  @ApiProperty({ nullable: true, description: "The program's own policy; null = the deployment's defaults." })
  policy!: Record<string, unknown> | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) launchApprovedAt!: string | null;
  @ApiProperty({ description: 'Temporal workflow id driving this program.' }) workflowId!: string;
  @ApiProperty({ description: 'Number of events in the program stream.' }) version!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;

  static from(row: ProgramRecord): ProgramResponse {
    return {
      id: row.id,
      name: row.name,
      ownerId: row.ownerId,
      sponsorId: row.sponsorId,
      phase: row.phase,
      objectives: row.objectives,
      steeringGroup: row.steeringGroup,
      keySuccessFactors: row.keySuccessFactors,
      policy: (row.policy as Record<string, unknown> | null) ?? null,
      launchApprovedAt: row.launchApprovedAt?.toISOString() ?? null,
      workflowId: row.workflowId,
      version: row.version,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
    };
  }
}

export class ProgramPageResponse {
  @ApiProperty({ type: [ProgramResponse] }) items!: ProgramResponse[];
  @ApiProperty() total!: number;
  @ApiProperty() limit!: number;
  @ApiProperty() offset!: number;
}

export class ProgramEventResponse {
  @ApiProperty({ description: 'Position in the global log.' }) position!: string;
  @ApiProperty({ description: 'Version within the program stream (1, 2, …).' }) version!: number;
  @ApiProperty({ example: 'ProgramPhaseChanged' }) type!: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) data!: unknown;
  @ApiProperty() actorId!: string;
  @ApiProperty({ format: 'date-time' }) occurredAt!: string;
  @ApiProperty({ format: 'date-time' }) recordedAt!: string;

  static from(row: EventRow): ProgramEventResponse {
    return {
      position: row.position,
      version: row.streamVersion,
      type: row.type,
      data: row.payload,
      actorId: row.actorId,
      occurredAt: row.occurredAt.toISOString(),
      recordedAt: row.recordedAt.toISOString(),
    };
  }
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { SaneInstant } from '../../http/bounds.js';
import { ASSESSMENT_CONTEXTS, ASSESSMENT_SOURCES } from '../../../../../libs/domain/src/index.js';
import type { StoredAssessment } from '../../../../../libs/persistence/src/index.js';

export class RecordAssessmentDto {
  @ApiProperty({ example: 'E1042' })
  @Matches(/^[A-Za-z0-9._@-]{1,100}$/, { message: 'personId must be an employee id' })
  personId!: string;
  @ApiPropertyOptional({ example: 'managerial-core', default: 'managerial-core' })
  @IsOptional()
  @Matches(/^[a-z][a-z0-9-]{1,60}$/)
  modelKey?: string;
  @ApiPropertyOptional({ description: 'Model version; default the latest.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  modelVersion?: number;
  @ApiProperty({ example: 'delegation' }) @IsString() @MaxLength(61) competencyKey!: string;
  @ApiProperty({ minimum: 1, maximum: 5 }) @IsInt() @Min(1) @Max(5) level!: number;
  @ApiProperty({ enum: ASSESSMENT_SOURCES }) @IsIn(ASSESSMENT_SOURCES) source!: (typeof ASSESSMENT_SOURCES)[number];
  @ApiProperty({ enum: ASSESSMENT_CONTEXTS }) @IsIn(ASSESSMENT_CONTEXTS) context!: (typeof ASSESSMENT_CONTEXTS)[number];
  @ApiPropertyOptional({ description: 'What was observed; visible only under the privacy rule.' })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  evidence?: string;
  @ApiPropertyOptional({ description: 'ISO date-time, from 2000 to now; default now.' })
  @IsOptional()
  @SaneInstant()
  assessedAt?: string;
  @ApiPropertyOptional({
    description: 'HR admins recording on behalf of someone: the assessor. Others are the assessor.',
  })
  @IsOptional()
  @Matches(/^[A-Za-z0-9._@-]{1,100}$/)
  assessorId?: string;
}

export class AssessmentResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() personId!: string;
  @ApiProperty({ format: 'uuid' }) modelId!: string;
  @ApiProperty() competencyKey!: string;
  @ApiProperty() level!: number;
  @ApiProperty({ enum: ASSESSMENT_SOURCES }) source!: string;
  @ApiProperty({ enum: ASSESSMENT_CONTEXTS }) context!: string;
  @ApiProperty() evidence!: string;
  @ApiProperty() assessorId!: string;
  @ApiProperty({ format: 'date-time' }) assessedAt!: string;

  static from(e: StoredAssessment): AssessmentResponse {
    return {
      id: e.id,
      personId: e.personId,
      modelId: e.modelId,
      competencyKey: e.competencyKey,
      level: e.level,
      source: e.source,
      context: e.context,
      evidence: e.evidence,
      assessorId: e.assessorId,
      assessedAt: e.assessedAt.toISOString(),
    };
  }
}

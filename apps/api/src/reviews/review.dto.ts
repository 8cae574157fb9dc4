import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { StrategicObjectiveDto } from '../programs/dto/create-program.dto.js';
import { CycleScopeResponse } from '../programs/dto/cycle.response.js';

export class ReviewDecisionDto {
  @ApiProperty({ enum: ['keep', 'adjust'] }) @IsIn(['keep', 'adjust']) decision!: 'keep' | 'adjust';
  @ApiProperty({ example: 'Turnover falls as planned; engagement lags in Sales.' })
  @IsString()
  @MinLength(3)
  @MaxLength(5000)
  notes!: string;
  @ApiPropertyOptional({
    type: [StrategicObjectiveDto],
    description: 'With `adjust`: the objectives and KPIs from now on.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => StrategicObjectiveDto)
  objectives?: StrategicObjectiveDto[];
}

export class ReviewResponse {
  @ApiProperty() review!: number;
  @ApiProperty() openedAt!: string;
  @ApiProperty({ type: String, nullable: true }) remindedAt!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'When the sponsor was told that no decision came.' })
  escalatedAt!: string | null;
  @ApiProperty({ type: String, nullable: true, enum: ['keep', 'adjust'] }) decision!: string | null;
  @ApiProperty({ type: String, nullable: true }) notes!: string | null;
  @ApiProperty({ type: String, nullable: true }) decidedBy!: string | null;
  @ApiProperty({ type: String, nullable: true }) decidedAt!: string | null;
}

export class FeedbackSummaryResponse {
  @ApiProperty({ description: 'Pulse and review answers of the cycle’s mentorships.' }) answers!: number;
  @ApiProperty({
    description: 'Mean score (1–5) per interaction-quality question.',
    example: { challenge: 4.2, guidedExperience: 3.9, trust: 4.5, practiceChange: 3.4 },
  })
  means!: Record<string, number>;
}

export class ReviewsResponse extends CycleScopeResponse {
  @ApiProperty({ type: [ReviewResponse] }) reviews!: ReviewResponse[];
  @ApiProperty({ type: Number, nullable: true, description: 'Number of the review waiting for the owner’s decision.' })
  open!: number | null;
  @ApiProperty({ type: [StrategicObjectiveDto], description: 'Objectives and KPIs (baseline → target) as they stand.' })
  objectives!: StrategicObjectiveDto[];
  @ApiProperty({ type: FeedbackSummaryResponse }) feedback!: FeedbackSummaryResponse;
}

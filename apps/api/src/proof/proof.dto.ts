import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { EFFECT_COVARIATES, type EffectCovariate } from '../../../../libs/domain/src/index.js';
import { EMPLOYEE_ID } from '../http/validation.js';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const bool = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export class OutcomeImportResponse {
  @ApiProperty() dryRun!: boolean;
  @ApiProperty() rows!: number;
  @ApiProperty() created!: number;
  @ApiProperty() updated!: number;
  @ApiProperty() unchanged!: number;
  @ApiProperty({ description: 'false when every row was already imported from its source with the same value.' })
  changed!: boolean;
  @ApiProperty({ example: 'created 1200, updated 0, unchanged 0' }) message!: string;
}

export class MeasureSummaryResponse {
  @ApiProperty({ example: 'team turnover %' }) measure!: string;
  @ApiProperty({ description: 'People (or managers, for team figures) with at least one value.' }) people!: number;
  @ApiProperty() values!: number;
  @ApiProperty({ example: '2025-01' }) from!: string;
  @ApiProperty({ example: '2026-06' }) to!: string;
  @ApiProperty({ type: [String] }) sources!: string[];
}

export class EffectQuery {
  // Optional here so that a caller without access gets 403 before any 400; the service requires it.
  @ApiProperty({ description: 'The measure to compare, as imported (case-insensitive).', example: 'engagement score' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  measure!: string;

  @ApiPropertyOptional({
    description: 'true for turnover, absence, defects: a fall is an improvement.',
    default: false,
  })
  @IsOptional()
  @Transform(bool)
  @IsBoolean()
  lowerIsBetter?: boolean;

  @ApiPropertyOptional({
    minimum: 1,
    description: 'The program cycle whose mentees are compared (default: the running cycle).',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  cycle?: number;

  @ApiPropertyOptional({
    description: 'First month of the window before the cycle (default: 12 months before the cycle started).',
  })
  @IsOptional()
  @Matches(MONTH, { message: 'beforeFrom must be a month (YYYY-MM)' })
  beforeFrom?: string;
  @ApiPropertyOptional({ description: 'Last month before the cycle (default: the month before it started).' })
  @IsOptional()
  @Matches(MONTH, { message: 'beforeTo must be a month (YYYY-MM)' })
  beforeTo?: string;
  @ApiPropertyOptional({ description: 'First month after the cycle (default: 6 months after it started).' })
  @IsOptional()
  @Matches(MONTH, { message: 'afterFrom must be a month (YYYY-MM)' })
  afterFrom?: string;
  @ApiPropertyOptional({
    description: 'Last month after the cycle (default: 12 months later, or the last month with figures).',
  })
  @IsOptional()
  @Matches(MONTH, { message: 'afterTo must be a month (YYYY-MM)' })
  afterTo?: string;

  @ApiPropertyOptional({
    description: 'Compare only within the same department as well as the same job level.',
    default: false,
  })
  @IsOptional()
  @Transform(bool)
  @IsBoolean()
  sameDepartment?: boolean;

  @ApiPropertyOptional({ minimum: 1, maximum: 5, default: 2, description: 'Comparison managers sought per mentee.' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(5)
  controlsPerMentee?: number;

  @ApiPropertyOptional({
    minimum: 0.05,
    maximum: 2,
    default: 0.5,
    description:
      'Largest distance to a comparison manager (root mean square of covariate differences in standard deviations).',
  })
  @IsOptional()
  @Type(() => Number)
  @IsNumber()
  @Min(0.05)
  @Max(2)
  caliper?: number;

  @ApiPropertyOptional({
    description: `Covariates to match on, comma-separated (default: all of ${EFFECT_COVARIATES.join(', ')}).`,
    example: 'managementYears,teamSize,baseline,trend',
  })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.split(',').map((v) => v.trim()) : value,
  )
  @ArrayMaxSize(4)
  @IsIn(EFFECT_COVARIATES, { each: true })
  covariates?: EffectCovariate[];
}

export class ConsentDto {
  @ApiProperty({
    enum: ['granted', 'refused'],
    description: 'May this person’s writing feed de-identified training cases?',
  })
  @IsIn(['granted', 'refused'])
  consent!: 'granted' | 'refused';
}

export class ConsentResponse {
  @ApiProperty() personId!: string;
  @ApiProperty({ enum: ['granted', 'refused', 'not-asked'] }) consent!: 'granted' | 'refused' | 'not-asked';
  @ApiProperty({ nullable: true, type: String }) recordedBy!: string | null;
  @ApiProperty({ nullable: true, type: String }) recordedAt!: string | null;
}

export class ProposeTrainingPlanDto {
  @ApiPropertyOptional({
    minimum: 0,
    maximum: 50,
    default: 2,
    description: 'Closed mentorships a mentor needs to count as an experienced trainer (supervisors always count).',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(50)
  minClosedMentorships?: number;
}

export class TrainingPlanItemDto {
  @ApiProperty({ example: 'delegation', description: 'A competency of the proposed plan.' })
  @IsString()
  @MaxLength(60)
  competencyKey!: string;
  @ApiProperty({ example: 'Letting go: three cases from cycle 1' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title!: string;
  @ApiProperty({ enum: ['mentors', 'mentees'] }) @IsIn(['mentors', 'mentees']) audience!: 'mentors' | 'mentees';
  @ApiProperty({ type: [String], description: 'Experienced trainers of the proposal (checked by the domain).' })
  @IsArray()
  @ArrayMaxSize(10)
  @ArrayUnique()
  @Matches(EMPLOYEE_ID, { each: true, message: 'each trainer must be an employee id' })
  trainerIds!: string[];
  @ApiProperty({ type: [String], description: 'Cases offered by the proposal.' })
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsString({ each: true })
  @MaxLength(40, { each: true })
  caseIds!: string[];
}

export class EditTrainingPlanDto {
  @ApiProperty({ type: [TrainingPlanItemDto], description: 'The plan as the owner wants it: the items kept, edited.' })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => TrainingPlanItemDto)
  items!: TrainingPlanItemDto[];
}

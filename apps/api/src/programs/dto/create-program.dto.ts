import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { SaneNumber } from '../../http/bounds.js';
import type { ProgramPolicy } from '../../../../../libs/domain/src/index.js';
import { MatchingWeightsDto } from '../../matching/matching.dto.js';

export class KpiDto {
  @ApiProperty({ example: 'Team turnover', description: 'What is measured.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @ApiProperty({ example: '%', description: 'Unit of the baseline and the target.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(40)
  unit!: string;

  @ApiProperty({ example: 18, description: 'Value before the program (at most 10¹² either way).' })
  @SaneNumber()
  baseline!: number;

  @ApiProperty({ example: 12, description: 'Value the program aims for; must differ from the baseline.' })
  @SaneNumber()
  target!: number;
}

export class StrategicObjectiveDto {
  @ApiProperty({
    example: 'Keep our first-line managers',
    description: 'A strategic objective of the company the program serves.',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  title!: string;

  @ApiProperty({ type: [KpiDto], description: 'Indicators with baselines and targets (at least one).' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => KpiDto)
  kpis!: KpiDto[];
}

const duration = () => [IsOptional(), IsInt(), Min(1), Max(5 * 366 * 24 * 3600 * 1000)];
const apply =
  (decorators: PropertyDecorator[]): PropertyDecorator =>
  (target, key) =>
    decorators.forEach((d) => d(target, key));

/** Durations in milliseconds (tests use seconds; a deployment days and months). */
export class MentorshipPolicyDto {
  @ApiPropertyOptional({ description: 'Default 14 days.' }) @apply(duration()) sessionEveryMs?: number;
  @ApiPropertyOptional({ description: 'Default 2 days.' }) @apply(duration()) reminderLeadMs?: number;
  @ApiPropertyOptional({ description: 'Default 7 days.' }) @apply(duration()) escalationDelayMs?: number;
  @ApiPropertyOptional({ description: 'Default 42 days.' }) @apply(duration()) checkpointEveryMs?: number;
  @ApiPropertyOptional({ description: 'Default 5 days.' }) @apply(duration()) checkpointDecisionMs?: number;
  @ApiPropertyOptional({ description: 'Default 5 days.' }) @apply(duration()) responseMs?: number;
  @ApiPropertyOptional({ description: 'Default 91 days.' }) @apply(duration()) midtermAfterMs?: number;
  @ApiPropertyOptional({ description: 'Default 182 days.' }) @apply(duration()) endAfterMs?: number;
}

export class ReviewCadenceDto {
  @ApiPropertyOptional({ description: 'Default 91 days (quarterly).' }) @apply(duration()) reviewEveryMs?: number;
  @ApiPropertyOptional({ description: 'Default 7 days.' }) @apply(duration()) reviewDecisionMs?: number;
}

export class ProgramPolicyDto {
  @ApiPropertyOptional({ type: () => MentorshipPolicyDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => MentorshipPolicyDto)
  mentorship?: MentorshipPolicyDto;
  @ApiPropertyOptional({ type: () => ReviewCadenceDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => ReviewCadenceDto)
  reviews?: ReviewCadenceDto;
  @ApiPropertyOptional({ type: () => MatchingWeightsDto, description: 'Default weights of the matching criteria.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => MatchingWeightsDto)
  matchingWeights?: MatchingWeightsDto;
}

export class CreateProgramDto {
  @ApiProperty({ example: 'Managerial mentoring 2027', description: 'Name of the program.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @ApiPropertyOptional({ example: 'emp-0042', description: "Owner's person id; defaults to the caller." })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  ownerId?: string;

  @ApiProperty({ example: 'emp-0007', description: 'Person id of the executive sponsor who approves the launch.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  sponsorId!: string;

  @ApiProperty({
    type: [StrategicObjectiveDto],
    description: 'Objectives aligned with company strategy (at least one).',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => StrategicObjectiveDto)
  objectives!: StrategicObjectiveDto[];

  @ApiPropertyOptional({
    type: [String],
    description: 'Steering group: stakeholders beside the sponsor (person ids); they may read the program.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  steeringGroup?: string[];

  @ApiPropertyOptional({
    type: [String],
    example: ['Mentors trained before they are matched'],
    description: 'Key success factors the program commits to.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @IsString({ each: true })
  @MaxLength(500, { each: true })
  keySuccessFactors?: string[];

  @ApiPropertyOptional({
    type: () => ProgramPolicyDto,
    description: "The program's own cadences and matching weights; missing values take the deployment's defaults.",
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => ProgramPolicyDto)
  policy?: ProgramPolicyDto;
}

/** Only the values the owner gave: a DTO instance's undefined fields must not hide the defaults. */
export function plainPolicy(policy: ProgramPolicyDto): ProgramPolicy {
  const defined = <T extends object>(o: T | undefined) =>
    o ? (Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>) : undefined;
  const out: ProgramPolicy = {};
  const mentorship = defined(policy.mentorship);
  const reviews = defined(policy.reviews);
  const matchingWeights = defined(policy.matchingWeights);
  if (mentorship && Object.keys(mentorship).length) out.mentorship = mentorship;
  if (reviews && Object.keys(reviews).length) out.reviews = reviews;
  if (matchingWeights && Object.keys(matchingWeights).length) out.matchingWeights = matchingWeights;
  return out;
}

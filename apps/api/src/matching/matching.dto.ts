import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
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
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { PARTICIPANT_ROLES, type ParticipantRole } from '../../../../libs/domain/src/index.js';
import { EMPLOYEE_ID } from '../http/validation.js';

export class EnrolDto {
  @ApiProperty({ example: 'E1042' })
  @Matches(EMPLOYEE_ID, { message: 'personId must be an employee id' })
  personId!: string;
  @ApiProperty({ enum: PARTICIPANT_ROLES }) @IsIn(PARTICIPANT_ROLES) role!: ParticipantRole;
  @ApiPropertyOptional({ minimum: 1, maximum: 20, description: 'Mentors: how many mentees they take (default 1).' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(20)
  capacity?: number;
  @ApiPropertyOptional({
    type: [String],
    example: ['delegation'],
    description: 'Mentees: competencies they want to work on (keys of the competency model).',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(3)
  @ArrayUnique()
  @IsString({ each: true })
  goals?: string[];
  @ApiPropertyOptional({ type: [String], description: 'Mentees: wished mentors, most wanted first.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(5)
  @ArrayUnique()
  @Matches(EMPLOYEE_ID, { each: true, message: 'each wish must be an employee id' })
  wishes?: string[];
}

export class MatchingWeightsDto {
  @ApiPropertyOptional({ default: 0.4 })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(100)
  competencyCoverage?: number;
  @ApiPropertyOptional({ default: 0.15 })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(100)
  experience?: number;
  @ApiPropertyOptional({ default: 0.15 })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(100)
  wishRank?: number;
  @ApiPropertyOptional({ default: 0.1 })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(100)
  timeZone?: number;
  @ApiPropertyOptional({ default: 0.1 })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(100)
  trackRecord?: number;
  @ApiPropertyOptional({ default: 0.1 })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(100)
  crossDepartment?: number;
}

export class ProposalRequestDto {
  @ApiPropertyOptional({
    type: MatchingWeightsDto,
    description: 'Criterion weights; missing ones keep their defaults.',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => MatchingWeightsDto)
  weights?: MatchingWeightsDto;
  @ApiPropertyOptional({ default: false }) @IsOptional() @IsBoolean() excludeSameDepartment?: boolean;
  @ApiPropertyOptional({
    nullable: true,
    type: Number,
    description: 'Largest time-zone distance in hours; null = any.',
  })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(12)
  maxTimeZoneHours?: number | null;
  @ApiPropertyOptional({ enum: ['total', 'fairness'], default: 'total' })
  @IsOptional()
  @IsIn(['total', 'fairness'])
  objective?: 'total' | 'fairness';
  @ApiPropertyOptional({ default: 0, description: 'Score given up per extra mentee on one mentor (spreads the load).' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1)
  loadBalance?: number;
}

export class PairDecisionDto {
  @ApiProperty({ enum: ['pin', 'ban'] }) @IsIn(['pin', 'ban']) decision!: 'pin' | 'ban';
  @ApiProperty() @Matches(EMPLOYEE_ID, { message: 'menteeId must be an employee id' }) menteeId!: string;
  @ApiProperty() @Matches(EMPLOYEE_ID, { message: 'mentorId must be an employee id' }) mentorId!: string;
  @ApiProperty({ example: 'they already work together on the Lyon project' })
  @IsString()
  @MinLength(3)
  @MaxLength(500)
  reason!: string;
}

export class ProposalRequestedResponse {
  @ApiProperty() version!: number;
  @ApiProperty({ enum: ['SOLVING'] }) status!: 'SOLVING';
}

export class ProposalResponse {
  @ApiProperty() programId!: string;
  @ApiProperty() version!: number;
  @ApiProperty({ enum: ['SOLVING', 'READY', 'FAILED'] }) status!: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'Options, pins and bans the solve used.' })
  request!: unknown;
  @ApiProperty({
    type: 'object',
    nullable: true,
    additionalProperties: true,
    description:
      'pairs (each with its score and per-criterion contributions), unmatched mentees with reasons and best blocked candidates, totals.',
  })
  result!: unknown;
  @ApiProperty({ nullable: true, type: String }) failure!: string | null;
  @ApiProperty() requestedBy!: string;
  @ApiProperty({ format: 'date-time' }) requestedAt!: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) solvedAt!: string | null;
  @ApiProperty() approved!: boolean;
}

export class ParticipantResponse {
  @ApiProperty() personId!: string;
  @ApiProperty({ enum: PARTICIPANT_ROLES }) role!: string;
  @ApiProperty({ type: Number, nullable: true, description: 'Mentors: mentees they take this cycle.' })
  capacity!: number | null;
  @ApiProperty({ type: [String], description: 'Mentees: competencies they chose.' }) goals!: string[];
  @ApiProperty({ type: [String], description: 'Mentees: wished mentors, most wanted first.' }) wishes!: string[];
}

export class PairDecisionResponse {
  @ApiProperty() menteeId!: string;
  @ApiProperty() mentorId!: string;
  @ApiProperty({ description: 'Who pinned or banned the pair.' }) by!: string;
  @ApiProperty() reason!: string;
}

export class ProposalPairResponse {
  @ApiProperty() menteeId!: string;
  @ApiProperty() mentorId!: string;
}

export class ProposalSummaryResponse {
  @ApiProperty() version!: number;
  @ApiProperty() matched!: number;
  @ApiProperty() unmatched!: number;
  @ApiProperty() totalScore!: number;
  @ApiProperty({ type: Number, nullable: true }) worstScore!: number | null;
  @ApiProperty({ type: [ProposalPairResponse] }) pairs!: ProposalPairResponse[];
}

export class ProposalStateResponse {
  @ApiProperty() version!: number;
  @ApiProperty({ enum: ['SOLVING', 'READY', 'FAILED'] }) status!: string;
  @ApiProperty() requestedBy!: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'Options, pins and bans the solve used.' })
  request!: unknown;
  @ApiProperty({ type: ProposalSummaryResponse, nullable: true }) summary!: ProposalSummaryResponse | null;
  @ApiProperty({ type: String, nullable: true }) failure!: string | null;
}

export class MatchingStateResponse {
  @ApiProperty({ type: [ParticipantResponse] }) participants!: ParticipantResponse[];
  @ApiProperty({ type: [PairDecisionResponse] }) pins!: PairDecisionResponse[];
  @ApiProperty({ type: [PairDecisionResponse] }) bans!: PairDecisionResponse[];
  @ApiProperty({ type: [ProposalStateResponse] }) proposals!: ProposalStateResponse[];
  @ApiProperty({ type: Number, nullable: true }) approvedVersion!: number | null;
  @ApiPropertyOptional({ description: 'Proposal versions used by earlier cycles.' }) versionOffset?: number;
}
